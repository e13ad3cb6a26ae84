/** Enforcement type codes (seed 000 art. 12, 15; 001 art. 25 for the local 执前督). */
export const ENFORCEMENT_TYPE_CODES = ['执', '执保', '执恢', '执异', '执复', '执监', '执请', '执协', '执前督', '执他'] as const;

/** Trial type codes of basis documents (执行依据文号). Not exhaustive; extended by the rules engine. */
export const TRIAL_TYPE_CODES = [
  '民初', '民终', '民再', '民申', '民特', '民催', '民督', '民撤', '民辖',
  '刑初', '刑终', '刑再', '刑申',
  '行初', '行终', '行再', '行申', '行审',
  '商初', '商终',
  '财保', '破', '赔',
  '执异', '执复', '执监',
] as const;

export type EnforcementTypeCode = (typeof ENFORCEMENT_TYPE_CODES)[number];
