/**
 * A court's case-type table: which type codes it may create and which application kinds
 * each code takes. A filing whose kind has no row in the court's table cannot be created
 * (seed 000 art. 11); the table, not code, says what a court files.
 */
import type { EnforcementTypeCode } from '../casenum/type-codes.js';

/** What the applicant asks for; decides the type code together with the court's table. */
export const APPLICATION_KINDS = [
  'first',
  'preservation',
  'resumed',
  'objection',
  'reconsideration',
  'supervision',
  'request',
  'coordination',
  'other',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

export interface TypeTableEntry {
  code: EnforcementTypeCode;
  /** Application kinds filed under this code; 执前督 has none: it is chosen by art. 25 facts. */
  applications: readonly ApplicationKind[];
  source: string;
}

const IMPLEMENTATION: readonly TypeTableEntry[] = [
  { code: '执', applications: ['first'], source: 'seed 000 art. 12' },
  { code: '执保', applications: ['preservation'], source: 'seed 000 art. 12' },
  { code: '执恢', applications: ['resumed'], source: 'seed 000 art. 12-13' },
];
const OBJECTION: TypeTableEntry = { code: '执异', applications: ['objection'], source: 'seed 000 art. 15(1), 16' };
/** Reconsideration, supervision, requests and coordination are heard one level up or above (000:17-20). */
const HIGHER_REVIEW: readonly TypeTableEntry[] = [
  { code: '执复', applications: ['reconsideration'], source: 'seed 000 art. 15(2), 17' },
  { code: '执监', applications: ['supervision'], source: 'seed 000 art. 15(3), 18' },
  { code: '执请', applications: ['request'], source: 'seed 000 art. 15(4), 19' },
  { code: '执协', applications: ['coordination'], source: 'seed 000 art. 15(5), 20' },
];

/** National table for a basic court: it is nobody's higher court, so no 执复/执监/执请/执协. */
export const BASIC_COURT_TYPES: readonly TypeTableEntry[] = [...IMPLEMENTATION, OBJECTION];
/** National table for intermediate and high courts: all eight codes of seed 000 art. 12 and 15. */
export const HIGHER_COURT_TYPES: readonly TypeTableEntry[] = [...IMPLEMENTATION, OBJECTION, ...HIGHER_REVIEW];
export const PRE_ENFORCEMENT_TYPE: TypeTableEntry = { code: '执前督', applications: [], source: 'seed 001 art. 25' };
