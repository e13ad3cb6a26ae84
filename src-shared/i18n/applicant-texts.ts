/**
 * Longer texts of the applicant kiosk: each step's instruction (shown and read aloud), the
 * consents (seed 000 art. 5) and the enforcement risk notice (执行风险提示书, seed 001 art. 5,
 * 12). Chinese first; the English is a working translation for foreign applicants.
 */
export type StepId = 'consent' | 'who' | 'basis' | 'respondents' | 'money' | 'documents' | 'risk' | 'review';

export const STEP_ORDER: readonly StepId[] = ['consent', 'who', 'basis', 'respondents', 'money', 'documents', 'risk', 'review'];

export const STEP_TEXT: Record<StepId, { title_zh: string; title_en: string; say_zh: string; say_en: string }> = {
  consent: {
    title_zh: '同意自助立案',
    title_en: 'Consent',
    say_zh: '请阅读下面两项说明，同意后点“下一步”。',
    say_en: 'Read the two statements below, agree, then press Next.',
  },
  who: {
    title_zh: '谁来申请',
    title_en: 'Who is applying',
    say_zh: '请选择是本人申请、代理他人申请，还是为单位申请，并留下能联系到您的电话和地址。',
    say_en: 'Choose whether you apply for yourself, as an agent, or for a company, and give a phone and address where the court can reach you.',
  },
  basis: {
    title_zh: '执行依据',
    title_en: 'What is to be enforced',
    say_zh: '请扫描判决书、调解书等文书上的条码，或在下面输入文书的案号，再回答几个问题。',
    say_en: 'Scan the barcode on the judgment or other document, or type its case number, then answer a few questions.',
  },
  respondents: {
    title_zh: '被执行人',
    title_en: 'Against whom',
    say_zh: '请填写被执行人的姓名或名称、地址和电话。有几个被执行人就填几个。',
    say_en: 'Enter the name, address and phone of each respondent.',
  },
  money: {
    title_zh: '申请执行的金额',
    title_en: 'What is owed',
    say_zh: '请填写判决确定的本金、利息和费用，对方已经还了多少，以及收款账户。',
    say_en: 'Enter the principal, interest and costs the document grants, what was already paid, and your bank account for payment.',
  },
  documents: {
    title_zh: '拍摄材料',
    title_en: 'Photograph your documents',
    say_zh: '请把材料放在高拍仪下，每页点一次“拍照”。拍得不清楚可以重拍或删除。',
    say_en: 'Put each page under the document camera and press Take photo. Retake or delete any page that is not clear.',
  },
  risk: {
    title_zh: '执行风险提示',
    title_en: 'Enforcement risk notice',
    say_zh: '请完整阅读执行风险提示书，确认已经知悉。',
    say_en: 'Read the whole enforcement risk notice and confirm you understand it.',
  },
  review: {
    title_zh: '核对并签名',
    title_en: 'Check and sign',
    say_zh: '请核对以下全部内容。红色的问题需要先修改。确认无误后在框内签名，再点“提交申请”。',
    say_en: 'Check everything below. Fix any problem marked in red first. Then sign in the box and press Submit.',
  },
};

export const CONSENT_KIOSK = {
  zh: '我同意通过“执行一证通”自助终端提交执行立案申请。自助立案与到窗口立案效力相同；法院工作人员会对申请进行审查。',
  en: 'I agree to file my enforcement application through this kiosk. It has the same effect as filing at the counter; court staff will review it.',
  source: 'seed 000 art. 5',
};

export const CONSENT_DATA = {
  zh: '我同意法院读取我的身份证信息，并为立案和执行使用我提供的个人信息（姓名、证件号码、地址、电话、账户、材料照片）。这些信息只用于本案，不会显示给其他人。',
  en: 'I agree that the court reads my ID card and uses the personal data I give (name, ID number, address, phone, account, photographs) for filing and enforcing this case only. It is not shown to anyone else.',
};

/** 执行风险提示书, after seed 001 art. 5 and 12 (duty to give property clues; risk of 执行不能). */
export const RISK_NOTICE: ReadonlyArray<{ zh: string; en: string }> = [
  { zh: '一、申请执行人应当向人民法院提供被执行人的财产线索。被执行人的财产状况主要由申请执行人提供，法院也会依法查询。', en: '1. You must give the court what you know about the respondent’s property. The court also searches by law, but your clues matter most.' },
  { zh: '二、被执行人确无财产可供执行的，人民法院可能裁定终结本次执行程序。这就是“执行不能”的风险：即使判决生效，也可能暂时拿不到钱。', en: '2. If the respondent truly has no property, the court may close this round of enforcement (终本). That is the risk of “enforcement failure”: even with a judgment you may not be paid for now.' },
  { zh: '三、终结本次执行程序后，发现被执行人有可供执行财产的，可以申请恢复执行，不受申请执行期间的限制。', en: '3. If property is found after such a close, you may apply to resume enforcement at any time.' },
  { zh: '四、申请执行应当在法律规定的期间内提出（一般为履行期限届满后二年）。超过期间的，被执行人可能提出异议。', en: '4. Apply within the legal period (usually two years after the performance deadline); later, the respondent may object.' },
  { zh: '五、您的地址、电话、收款账户发生变化的，请及时告知法院；未告知的，按原地址送达视为送达，由此产生的后果由您承担。', en: '5. Tell the court at once when your address, phone or account changes; service to the old address counts, and the consequences are yours.' },
  { zh: '六、提供虚假材料或者隐瞒事实的，要承担法律责任。', en: '6. Giving false material or hiding facts has legal consequences.' },
];

export const NEXT_STEPS = {
  zh: ['法院将在规定时间内审查您的申请，并通过短信或电话告知结果。', '凭本回执上的编号或二维码，可以在本终端随时查询进度。', '请保持电话畅通；地址、电话、账户变化请及时告知法院。'],
  en: ['The court reviews your application within the set time and tells you the result by SMS or phone.', 'Use the number or QR code on this receipt to check progress at this kiosk at any time.', 'Keep your phone on; tell the court when your address, phone or account changes.'],
};
