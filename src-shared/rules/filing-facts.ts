/**
 * `FilingFacts`: everything the filing checks read. Built by the kiosk from the devices and
 * the applicant's answers, or by the counter clerk. The schema is strict (unknown keys,
 * overlong strings, control characters, non-integer money are errors) so that checkFiling can
 * take any parsed JSON and answer with findings instead of throwing.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/work-calendar.js';
import { BASIS_KINDS, ROUTING_TAGS } from '../courts/routing-types.js';
import { APPLICATION_KINDS } from '../courts/type-table.js';
import { ADD_CHANGE_CAUSES, ALL_GROUND_IDS } from './grounds.js';

const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f]*$/u;
const text = (max: number) => z.string().trim().max(max).regex(NO_CONTROL, { message: 'control characters' });
const isoDate = z.string().refine(isIsoDate, { message: 'date as YYYY-MM-DD' });
/** Integer fen, below 10^15 (ten trillion yuan). */
export const fenSchema = z.number().int().min(0).max(1e15);

export const ID_TYPES = ['resident-id', 'uscc', 'passport', 'hmt-permit', 'foreign-permanent', 'other'] as const;

export const partySchema = z.strictObject({
  kind: z.enum(['person', 'company', 'organisation']),
  name: text(100),
  /** Defaults: resident-id for persons, uscc for companies and organisations. */
  idType: z.enum(ID_TYPES).optional(),
  idNumber: text(40).optional(),
  address: text(200).optional(),
  phone: text(30).optional(),
});

export const basisSchema = z.strictObject({
  /** 执行依据文号, e.g. （2024）豫0811民初123号, or an arbitration award's own number. */
  number: text(80),
  kind: z.enum(BASIS_KINDS),
  issuer: text(60).optional(),
  effective: z.boolean(),
  effectiveDate: isoDate.optional(),
  /** The applicant answered "不清楚": not a bar to filing, the clerk verifies when it took effect. */
  effectiveDateUnknown: z.boolean().optional(),
  hasPaymentContent: z.boolean(),
  subjectDefinite: z.boolean(),
  respondentDefinite: z.boolean(),
  condition: z.strictObject({ attached: z.boolean(), met: z.boolean() }).optional(),
  /** Last day of the performance period the document sets. */
  performanceDue: isoDate.optional(),
});

export const filingFactsSchema = z.strictObject({
  /** What is asked for; anything but `enforcement` is never filed as a case (seed 001 art. 10). */
  matter: z.enum(['enforcement', 'fee-refund', 'entrusted-assistance', 'lift-preservation', 'no-case-needed']).default('enforcement'),
  application: z.strictObject({
    kind: z.enum(APPLICATION_KINDS),
    grounds: z.array(z.enum(ALL_GROUND_IDS as [string, ...string[]])).max(10).default([]),
    /** The enforcement case resumed or objected to. */
    priorCaseNumber: text(80).optional(),
    /** Cause of an add/change ruling under reconsideration (seed 000 art. 17(2)). */
    addChangeCause: z.enum(ADD_CHANGE_CAUSES).optional(),
  }),
  applicants: z.array(partySchema).max(50),
  /** A filing agent (委托代理人); the applicants are then the principals. */
  agent: partySchema.optional(),
  respondents: z.array(partySchema).max(50),
  basis: basisSchema.optional(),
  /** Other effective documents the applicant wants enforced in the same application (seed 001 art. 11). */
  additionalBasisNumbers: z.array(text(80)).max(20).default([]),
  /** Where a law or judicial interpretation allows one case for several documents. */
  mergeAllowedByLaw: z.boolean().optional(),
  /** The statement of what the respondent performed before the application (seed 001 art. 7). */
  alreadyPerformed: z
    .strictObject({ stated: z.boolean(), fullyPerformed: z.boolean(), performedFen: fenSchema.optional(), note: text(500).optional() })
    .optional(),
  /** Interest claimed: to a fixed day, or 至实际清偿之日止 (`untilPaid`, counted to `countedTo` and still running). */
  interest: z
    .strictObject({ ratePercent: text(10), from: isoDate, to: isoDate.optional(), untilPaid: z.boolean(), countedTo: isoDate, interestFen: fenSchema })
    .optional(),
  claim: z.strictObject({ kind: z.enum(['money', 'non-money', 'mixed']), amountFen: fenSchema.optional(), description: text(500).optional() }).optional(),
  payeeAccount: z.strictObject({ accountName: text(100), bank: text(100), accountNumber: text(40) }).optional(),
  /** Filing part of what one document grants (seed 000 art. 14). */
  split: z
    .strictObject({
      partOfLargerClaim: z.boolean(),
      exception: z.enum(['instalments', 'several-debtors', 'several-creditors', 'maintenance']).optional(),
      /** Instalments: every instalment filed is due. */
      instalmentsDue: z.boolean().optional(),
      /** Several debtors/creditors: each one's share is definite and separate. */
      sharesDefinite: z.boolean().optional(),
      /** Maintenance: only amounts accrued by the filing date are claimed. */
      accruedOnly: z.boolean().optional(),
    })
    .optional(),
  /** Facts for 执前督 eligibility (seed 001 art. 25). */
  preEnforcement: z.strictObject({ servedByPublicNotice: z.boolean(), urgent: z.boolean(), applicantRefuses: z.boolean() }).optional(),
  routingTags: z.array(z.enum(ROUTING_TAGS)).max(30).default([]),
});

export type FilingFacts = z.output<typeof filingFactsSchema>;
/** What callers may pass: defaults (matter, grounds, tags) may be left out. */
export type FilingFactsInput = z.input<typeof filingFactsSchema>;
export type Party = z.output<typeof partySchema>;
export type Basis = z.output<typeof basisSchema>;
