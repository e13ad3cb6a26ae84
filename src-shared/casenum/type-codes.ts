/**
 * Case type codes (案件类型代字) as data. Enforcement codes come from seed 000 art. 12 and 15;
 * 执前督 is the local practice of seed 001 art. 25; 执他 is the national "other enforcement"
 * code that a court may enable in its profile. Which codes a court may *create* is decided by
 * its profile's type table (seed 000 art. 11), not by this list: this list is what a case
 * number may *contain* when it is read.
 */
export const ENFORCEMENT_TYPE_CODES = ['执', '执保', '执恢', '执异', '执复', '执监', '执请', '执协', '执前督', '执他'] as const;

export type EnforcementTypeCode = (typeof ENFORCEMENT_TYPE_CODES)[number];

/** 实施 (implementation), 审查 (review), 执前督 (pre-enforcement), other. */
export type TypeClass = 'implementation' | 'review' | 'pre-enforcement' | 'other';

export interface EnforcementTypeInfo {
  code: EnforcementTypeCode;
  class: TypeClass;
  name_zh: string;
  name_en: string;
  source: string;
}

export const ENFORCEMENT_TYPES: readonly EnforcementTypeInfo[] = [
  { code: '执', class: 'implementation', name_zh: '首次执行', name_en: 'first enforcement', source: 'seed 000 art. 12' },
  { code: '执保', class: 'implementation', name_zh: '财产保全执行', name_en: 'enforcing a preservation ruling', source: 'seed 000 art. 12' },
  { code: '执恢', class: 'implementation', name_zh: '恢复执行', name_en: 'resumed enforcement', source: 'seed 000 art. 12-13' },
  { code: '执异', class: 'review', name_zh: '执行异议', name_en: 'enforcement objection', source: 'seed 000 art. 15(1), 16' },
  { code: '执复', class: 'review', name_zh: '执行复议', name_en: 'reconsideration', source: 'seed 000 art. 15(2), 17' },
  { code: '执监', class: 'review', name_zh: '执行监督', name_en: 'supervision', source: 'seed 000 art. 15(3), 18' },
  { code: '执请', class: 'review', name_zh: '执行请示', name_en: 'request for instructions', source: 'seed 000 art. 15(4), 19' },
  { code: '执协', class: 'review', name_zh: '执行协调', name_en: 'coordination', source: 'seed 000 art. 15(5), 20' },
  { code: '执前督', class: 'pre-enforcement', name_zh: '执前督促履行', name_en: 'pre-enforcement supervised performance', source: 'seed 001 art. 25' },
  { code: '执他', class: 'other', name_zh: '其他执行', name_en: 'other enforcement matters', source: 'national case-number rules' },
];

export function enforcementTypeInfo(code: string): EnforcementTypeInfo | undefined {
  return ENFORCEMENT_TYPES.find((t) => t.code === code);
}

/**
 * Trial type codes seen in basis-document numbers (执行依据文号), after the 2016 national
 * case-number rules. Not exhaustive on purpose: the common ones a filing cites.
 */
export const TRIAL_TYPE_CODES = [
  '民初', '民终', '民再', '民申', '民监', '民抗', '民特', '民催', '民督', '民撤', '民算', '民辖', '民辖终', '民他',
  '刑初', '刑终', '刑再', '刑申', '刑监', '刑抗', '刑核', '刑更', '刑医', '刑没', '刑他',
  '行初', '行终', '行再', '行申', '行监', '行抗', '行审', '行审复', '行赔初', '行赔终', '行他',
  '商初', '商终',
  '财保', '行保', '证保',
  '破申', '破', '破终', '破监', '强清',
  '法赔', '委赔', '赔',
  '执异', '执复', '执监',
] as const;

/** What kind of proceeding a trial code belongs to; used by triage (seed 002 art. 11(二)2). */
export type TrialBranch = 'civil' | 'criminal' | 'administrative' | 'commercial' | 'preservation' | 'bankruptcy' | 'compensation' | 'enforcement';

export function trialBranch(code: string): TrialBranch | undefined {
  if (code.startsWith('执')) return 'enforcement';
  if (code.startsWith('民')) return 'civil';
  if (code.startsWith('刑')) return 'criminal';
  if (code.startsWith('行') && !code.endsWith('保')) return 'administrative';
  if (code.startsWith('商')) return 'commercial';
  if (code.endsWith('保')) return 'preservation';
  if (code.startsWith('破') || code === '强清') return 'bankruptcy';
  if (code.endsWith('赔')) return 'compensation';
  return undefined;
}

/**
 * One-character specialised-trial codes placed before the type code since the 2018 revision
 * of the case-number rules, e.g. （2019）最高法知民终1号 for intellectual property.
 */
export const SPECIAL_TRIAL_CODES = ['知', '环', '金'] as const;
