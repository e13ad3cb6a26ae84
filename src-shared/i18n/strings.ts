/** UI strings: Simplified Chinese first, English second. Keys are stable; tests use them too. */
export const STRINGS = {
  'app.title': { zh: '执行立案自助终端', en: 'Enforcement filing kiosk' },
  'lang.switch': { zh: 'English', en: '中文' },
  'elderly.switch': { zh: '大字模式', en: 'Large text' },
  'attract.prompt': { zh: '请将本人身份证放在读卡区', en: 'Place your ID card on the reader' },
  'attract.hint': { zh: '读卡后将自动填写您的身份信息', en: 'Your details are filled in from the card' },
  'reader.label': { zh: '读卡器', en: 'Card reader' },
  'applicant.title': { zh: '申请执行人（本人）', en: 'Applicant (you)' },
  'applicant.name': { zh: '姓名', en: 'Name' },
  'applicant.gender': { zh: '性别', en: 'Gender' },
  'applicant.birth': { zh: '出生日期', en: 'Date of birth' },
  'applicant.id': { zh: '公民身份号码', en: 'ID number' },
  'applicant.address': { zh: '住址', en: 'Address' },
  'form.title': { zh: '填写执行申请', en: 'Your enforcement application' },
  'form.basis': { zh: '执行依据文号（判决书、调解书等的案号）', en: 'Number of the judgment or other basis document' },
  'form.basis.example': { zh: '例如：（2024）豫0811民初123号', en: 'e.g. （2024）豫0811民初123号' },
  'form.basis.ok': { zh: '案号格式正确', en: 'Case number looks right' },
  'form.respondent': { zh: '被执行人姓名或名称', en: 'Name of the respondent (person or company)' },
  'form.respondent.kind': { zh: '被执行人类型', en: 'Respondent is a' },
  'form.respondent.person': { zh: '个人', en: 'Person' },
  'form.respondent.company': { zh: '单位', en: 'Company' },
  'form.amount': { zh: '申请执行金额（元）', en: 'Amount claimed (yuan)' },
  'form.phone': { zh: '您的联系电话', en: 'Your phone number' },
  'form.submit': { zh: '提交申请', en: 'Submit' },
  'form.cancel': { zh: '取消并退出', en: 'Cancel and leave' },
  'form.submitting': { zh: '正在保存…', en: 'Saving…' },
  'result.title': { zh: '您的申请已保存', en: 'Your application is saved' },
  'result.provisional': { zh: '临时编号', en: 'Provisional number' },
  'result.official': { zh: '正式案号', en: 'Official case number' },
  'result.waiting': { zh: '正在向法院系统提交，网络恢复后将自动取得正式案号，凭临时编号可随时查询', en: 'Sending to the court system; the official number follows automatically once the network is back. The provisional number finds your application meanwhile' },
  'result.accepted': { zh: '法院系统已受理，正式案号已生成', en: 'Accepted by the court system; the official number is assigned' },
  'result.rejected': { zh: '法院系统未能受理，请到窗口咨询', en: 'The court system could not accept it; please ask at the counter' },
  'result.done': { zh: '完成', en: 'Done' },
  'sync.online': { zh: '已连接法院系统', en: 'Connected to the court system' },
  'sync.offline': { zh: '法院系统暂不可达，申请会先保存在本机', en: 'Court system unreachable; filings are kept on this kiosk' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type StringKey = keyof typeof STRINGS;
export type Lang = 'zh' | 'en';

export function translate(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}
