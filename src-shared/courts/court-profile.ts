/**
 * A court profile is configuration: code, name, level, the type table it may file under,
 * triage thresholds and teams, deadlines, notices and calendar overrides. No court's code or
 * threshold is written in logic; everything reads the profile the kiosk is configured with.
 * IT staff import a profile as JSON through `parseCourtProfile` (profile-schema.ts).
 */
import type { DeadlineRule } from '../calendar/deadlines.js';
import type { CalendarOverride } from '../calendar/work-calendar.js';
import type { Condition, RoutingTable, Team } from './routing-types.js';
import type { EntryGate } from './stage-flow.js';
import type { CounterNodes } from '../counter/counter-deadlines.js';
import { BASIC_COURT_TYPES, HIGHER_COURT_TYPES, type TypeTableEntry } from './type-table.js';
import { COURT_PRESETS } from './presets/index.js';

export type CourtLevel = 'supreme' | 'high' | 'intermediate' | 'basic';

/** An info finding the court wants shown when its condition holds (risk notices and the like). */
export interface CourtNotice {
  id: string;
  when?: Condition;
  severity: 'info' | 'warn';
  message_zh: string;
  message_en: string;
  source: string;
}

export interface CourtProfile {
  id: string;
  /** 法院代字, e.g. 豫0811 */
  code: string;
  name: string;
  level: CourtLevel;
  /** False where the code could not be confirmed from a public source. */
  codeConfirmed: boolean;
  /** Seed document this profile's rules come from. */
  seed?: string;
  /** Other codes the court's own documents carry (renamed county, old code). */
  codeAliases?: readonly string[];
  note?: string;
  /** Type codes this court may create; defaults to the national table for its level. */
  types?: readonly TypeTableEntry[];
  /** Named amounts in fen used by routing conditions. */
  thresholds?: Readonly<Record<string, number>>;
  teams?: readonly Team[];
  routing?: RoutingTable;
  deadlines?: readonly DeadlineRule[];
  notices?: readonly CourtNotice[];
  calendar?: CalendarOverride;
  /** Years within which an application must be made; a warning only (CPL art. 250). */
  applicationPeriodYears?: number;
  /** Approvals a filing needs before it may be made (seed 004 group 1 §1). */
  gates?: readonly EntryGate[];
  /**
   * The case limit for an enforcement (实施) case whose team names none. Default: the
   * statutory six months (seed 002 art. 16: 法定6个月期限).
   */
  caseLimitFallback?: NonNullable<Team['caseLimit']>;
  /**
   * The court's enforcement-money account told to the respondent in the 执行通知书 (一案一账户,
   * seed 003 ch.3 一(三)2). `perCase`: the bank opens a sub-account per case, so the case number
   * must be given with each payment.
   */
  paymentAccount?: PaymentAccount;
  /** Related-case search at filing (seed 001 art. 9, 29). */
  relatedSearch?: RelatedSearchRules;
  /** The counter's own time nodes (reception, notices, query, triage), each with its source; absent: the court sets none. */
  counterNodes?: CounterNodes;
}

export interface PaymentAccount {
  accountName: string;
  bank: string;
  accountNo: string;
  perCase?: boolean;
  source: string;
}

export interface RelatedSearchRules {
  /** Unfinished cases as obligor from which an enterprise respondent is guided toward bankruptcy (seed 001 art. 9 「大量」, the number the court sets). */
  bankruptcyAt: number;
  source: string;
  /** The court's personal-insolvency pilot (seed 001 art. 29), pointed to for natural-person respondents; none: nothing is suggested for them. */
  personalInsolvencyPilot?: { label_zh: string; label_en: string; source: string };
}

/** A profile with every optional table filled with national defaults. */
export interface ResolvedCourt extends CourtProfile {
  types: readonly TypeTableEntry[];
  thresholds: Readonly<Record<string, number>>;
  teams: readonly Team[];
  routing: RoutingTable;
  deadlines: readonly DeadlineRule[];
  notices: readonly CourtNotice[];
  calendar: CalendarOverride;
  applicationPeriodYears: number;
  gates: readonly EntryGate[];
  caseLimitFallback: NonNullable<Team['caseLimit']>;
}

export const NATIONAL_CASE_LIMIT = { amount: 6, unit: 'months', source: 'SPC 执行工作若干问题的规定(试行): 6 months' } as const;
/** What seed 002 art. 16 calls the statutory period (法定6个月), for teams that name no limit. */
export const STATUTORY_CASE_LIMIT = { amount: 6, unit: 'months', source: 'seed 002 art. 16 (法定6个月期限)' } as const;

/** Shared so that a profile without overrides reuses one built calendar. */
const NO_CALENDAR_OVERRIDE: CalendarOverride = Object.freeze({});

const DEFAULT_TEAM: Team = { id: 'enforcement', name_zh: '执行局', name_en: 'enforcement bureau', caseLimit: NATIONAL_CASE_LIMIT };

/**
 * Resolutions by profile object. Every filing check resolves its court, and the central checks
 * thousands of filings a second against a handful of profiles. Profiles are replaced whole
 * (profile-editing.ts, useCourtProfiles), never edited in place; a field reassigned on the same
 * object is still seen, because a hit is taken only while every own field is the one resolved.
 */
const resolutions = new WeakMap<CourtProfile, { keys: string[]; values: unknown[]; court: ResolvedCourt }>();

/** A profile with every optional table filled with national defaults; frozen, as it is shared. */
export function resolveCourt(p: CourtProfile): ResolvedCourt {
  const keys = Object.keys(p);
  const hit = resolutions.get(p);
  if (hit && hit.keys.length === keys.length && keys.every((k, i) => hit.keys[i] === k && hit.values[i] === (p as unknown as Record<string, unknown>)[k])) return hit.court;
  const court = Object.freeze(withDefaults(p));
  resolutions.set(p, { keys, values: keys.map((k) => (p as unknown as Record<string, unknown>)[k]), court });
  return court;
}

function withDefaults(p: CourtProfile): ResolvedCourt {
  const teams = p.teams && p.teams.length > 0 ? p.teams : [DEFAULT_TEAM];
  return {
    ...p,
    types: p.types ?? (p.level === 'basic' ? BASIC_COURT_TYPES : HIGHER_COURT_TYPES),
    thresholds: p.thresholds ?? {},
    teams,
    routing: p.routing ?? {
      mode: 'triage',
      rules: [],
      fallback: { team: teams[0]?.id ?? DEFAULT_TEAM.id, label_zh: '本院未设繁简分流规则', label_en: 'no triage rules configured', source: 'court profile' },
    },
    deadlines: p.deadlines ?? [],
    notices: p.notices ?? [],
    calendar: p.calendar ?? NO_CALENDAR_OVERRIDE,
    applicationPeriodYears: p.applicationPeriodYears ?? 2,
    gates: p.gates ?? [],
    caseLimitFallback: p.caseLimitFallback ?? STATUTORY_CASE_LIMIT,
  };
}

export { COURT_PRESETS };

let active: readonly CourtProfile[] = COURT_PRESETS;

/**
 * The courts this process works with: the presets, with the profiles IT staff edited (same id)
 * replacing them and new ones added. Set once at start-up from the court profiles file
 * (src-main/courts/profiles-file.ts), so every lookup — kiosk, counter, central — sees the same.
 */
export function useCourtProfiles(custom: readonly CourtProfile[]): void {
  active = [...COURT_PRESETS.filter((p) => !custom.some((c) => c.id === p.id)), ...custom];
}

export function courtProfiles(): readonly CourtProfile[] {
  return active;
}

export function findCourt(id: string, profiles: readonly CourtProfile[] = active): CourtProfile | undefined {
  return profiles.find((p) => p.id === id);
}

/** The court whose code (or alias) a case number carries, e.g. to tell our own basis documents. */
export function findCourtByCode(code: string, profiles: readonly CourtProfile[] = active): CourtProfile | undefined {
  return profiles.find((p) => p.code === code || (p.codeAliases ?? []).includes(code));
}
