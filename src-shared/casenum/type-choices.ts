/**
 * The type codes an applicant picks from when composing a case number, each with the plain
 * words for the document it stands for: an applicant knows "一审判决", not "民初".
 */
import { ENFORCEMENT_TYPE_CODES, TRIAL_TYPE_CODES } from './type-codes.js';

export interface TypeChoice {
  code: string;
  zh: string;
  en: string;
}

/** For the basis document (执行依据): the common trial codes first. */
export const BASIS_TYPE_CHOICES: readonly TypeChoice[] = [
  { code: '民初', zh: '民事一审', en: 'civil, first instance' },
  { code: '民终', zh: '民事二审', en: 'civil, appeal' },
  { code: '民特', zh: '民事特别程序（司法确认等）', en: 'civil, special procedure' },
  { code: '民再', zh: '民事再审', en: 'civil, retrial' },
  { code: '民督', zh: '支付令', en: 'payment order' },
  { code: '商初', zh: '商事一审', en: 'commercial, first instance' },
  { code: '商终', zh: '商事二审', en: 'commercial, appeal' },
  { code: '刑初', zh: '刑事一审（附带民事）', en: 'criminal, first instance' },
  { code: '刑终', zh: '刑事二审', en: 'criminal, appeal' },
  { code: '行初', zh: '行政一审', en: 'administrative, first instance' },
  { code: '行终', zh: '行政二审', en: 'administrative, appeal' },
  { code: '财保', zh: '财产保全', en: 'property preservation' },
  { code: '执异', zh: '执行异议裁定', en: 'objection ruling' },
  { code: '执复', zh: '执行复议裁定', en: 'reconsideration ruling' },
];

/** For an earlier enforcement case (resumption, objection). */
export const ENFORCEMENT_TYPE_CHOICES: readonly TypeChoice[] = [
  { code: '执', zh: '执行案件', en: 'enforcement case' },
  { code: '执恢', zh: '恢复执行案件', en: 'resumed enforcement' },
  { code: '执保', zh: '保全执行案件', en: 'preservation enforcement' },
  { code: '执前督', zh: '执前督促履行', en: 'pre-enforcement supervision' },
  { code: '执异', zh: '执行异议', en: 'objection' },
  { code: '执复', zh: '执行复议', en: 'reconsideration' },
];

// Every choice must be a code the parser reads, or the composer could build a number it rejects.
const READABLE: readonly string[] = [...ENFORCEMENT_TYPE_CODES, ...TRIAL_TYPE_CODES];
for (const c of [...BASIS_TYPE_CHOICES, ...ENFORCEMENT_TYPE_CHOICES]) {
  if (!READABLE.includes(c.code)) throw new Error(`type choice ${c.code} is not a known type code`);
}
