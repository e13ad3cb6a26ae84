/**
 * Field messages in English. The services key field errors by field with one Chinese message
 * (zod schemas, number and ID checks); English mode shows this translation instead, so no
 * Chinese sentence reaches an English-speaking applicant. An unknown message becomes a plain
 * "please check this field", never the Chinese.
 */
import { CASE_NUMBER_MESSAGES } from '../casenum/case-number.js';
import { ID_NUMBER_MESSAGES } from '../identity/id-number.js';
import { USCC_MESSAGES } from '../identity/uscc.js';
import { parseYuan, simpleInterestFen } from '../domain/money.js';

/** Field labels of the filing schema (`text(max, label)`), in English. */
const LABELS: Record<string, string> = {
  被执行人名称: 'The respondent’s name',
  证件号码: 'The ID number',
  地址: 'The address',
  联系电话: 'The phone number',
  法定代表人: 'The legal representative',
  名称: 'The name',
  送达地址: 'The service address',
  执行依据文号: 'The basis number',
  金额: 'The amount',
  事由: 'The reason',
  原执行案号: 'The earlier case number',
  判决主文: 'The operative part of the judgment',
  其他文书案号: 'The other document’s number',
  计息本金: 'The interest base',
  年利率: 'The yearly rate',
  费用: 'The costs',
  已履行金额: 'The amount already paid',
  户名: 'The account holder',
  开户行: 'The bank',
  账号: 'The account number',
  财产线索: 'The property clue',
  生效日期: 'The effective date',
  履行期限: 'The performance deadline',
  起算日: 'The start date',
  截止日: 'The end date',
  姓名: 'The name',
};

const failed = (r: { ok: boolean; message_zh?: string; message_en?: string }): Array<[string, string]> => (!r.ok && r.message_zh && r.message_en ? [[r.message_zh, r.message_en]] : []);

const EXACT = new Map<string, string>([
  ...Object.values(CASE_NUMBER_MESSAGES),
  ...Object.values(ID_NUMBER_MESSAGES),
  ...Object.values(USCC_MESSAGES),
  ...failed(parseYuan('x')),
  ...failed(parseYuan('0')),
  ...failed(parseYuan('9999999999999')),
  ...failed(simpleInterestFen(0, 'x', 0)),
  ...failed(simpleInterestFen(0, '1', -1)),
  ['请填写被执行人姓名或名称', 'Give the respondent’s name'],
  ['至少填写一个被执行人', 'Give at least one respondent'],
  ['请填写执行依据文号', 'Give the basis document number'],
  ['请填写申请执行金额', 'Give the amount claimed'],
  ['请填写姓名或名称', 'Give the name'],
  ['请填写证件号码', 'Give the ID number'],
  ['请填写送达地址', 'Give the service address'],
  ['请填写联系电话', 'Give the phone number'],
  ['请填写被代理人（委托人）的信息', 'Give the details of the person you act for (principal)'],
  ['请填写申请单位的信息', 'Give the details of the applying company'],
  ['请阅读并确认《执行风险提示书》', 'Please read and confirm the enforcement risk notice'],
  ['请先同意通过自助终端立案和使用个人信息', 'Please first agree to filing at the kiosk and to the use of your data'],
  ['内容格式不正确', 'This is not in the expected form'],
]);

const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^(.+)不能超过(\d+)个字$/u, (m) => `${LABELS[m[1]!] ?? 'This field'} may have at most ${m[2]} characters`],
  [/^(.+)含有不可见字符$/u, (m) => `${LABELS[m[1]!] ?? 'This field'} contains invisible characters; type it again`],
  [/^(.+)请按“年-月-日”填写$/u, (m) => `${LABELS[m[1]!] ?? 'The date'}: choose or type it as year-month-day`],
  [/^已履行金额（([\d,.]+)元）比应付的总额（([\d,.]+)元）还多/u, (m) => `The amount already paid (${m[1]} yuan) is more than the total owed (${m[2]} yuan). If everything was paid choose “paid in full”; if not, correct the amount already paid`],
  [/^(?:申请人|被执行人|委托人|申请单位)\d*：(.+)$/u, (m) => fieldMessageEn(m[1]!)],
];

export function fieldMessageEn(zh: string): string {
  const exact = EXACT.get(zh);
  if (exact) return exact;
  // Number checks add what they read after a colon (案件类型代字不正确：坏): keep it when it is not Chinese.
  const colon = zh.lastIndexOf('：');
  if (colon > 0) {
    const head = EXACT.get(zh.slice(0, colon));
    const tail = zh.slice(colon + 1);
    if (head) return /[\u3400-\u9fff]/u.test(tail) ? head : `${head}: ${tail}`;
  }
  for (const [re, make] of PATTERNS) {
    const m = re.exec(zh);
    if (m) return make(m);
  }
  return 'Please check this field';
}

/** A map of field messages in the language shown. */
export function fieldMessagesIn(fields: Record<string, string>, lang: 'zh' | 'en'): Record<string, string> {
  if (lang === 'zh') return fields;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldMessageEn(v)]));
}
