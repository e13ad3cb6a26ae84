/**
 * The IT staff's part of the API contract (methods prefixed `admin.`). Every method but
 * sign-in carries the admin session token: the applicant's page shares the bridge, so the
 * token, not the page, grants the powers. The public path never links here; admin mode opens
 * from a hidden gesture and then asks for the PIN (or a counter account with the admin role).
 */
import { z } from 'zod';
import type { DeviceStateView, SelfTestResult, SyncStatus } from '../api/contract.js';
import type { CourtProfile } from '../courts/court-profile.js';
import type { InputIssue } from '../courts/zod-issues.js';

const token = z.string().min(16).max(64);

/** Days after the central's confirmation that a filing's personal data stays on the kiosk. */
export const PURGE_AFTER_DAYS = { min: 1, max: 3650, default: 30 } as const;
const purgeDaysMessage = { message: `清除期限为 ${PURGE_AFTER_DAYS.min} 到 ${PURGE_AFTER_DAYS.max} 天的整数` };
export const purgeAfterDaysSchema = z.number().int(purgeDaysMessage).min(PURGE_AFTER_DAYS.min, purgeDaysMessage).max(PURGE_AFTER_DAYS.max, purgeDaysMessage);

export const adminInputs = {
  'admin.signIn': z.union([
    z.strictObject({ pin: z.string().regex(/^\d{4,12}$/, { message: 'PIN 为 4 到 12 位数字' }) }),
    z.strictObject({ account: z.string().min(1).max(40), password: z.string().min(1).max(200) }),
  ]),
  'admin.signOut': z.strictObject({ token }),
  'admin.overview': z.strictObject({ token }),
  /** The whole configuration as `yzt admin export-config` writes it; validated on the trusted side. */
  'admin.saveConfig': z.strictObject({ token, config: z.unknown() }),
  /** Test a reader on a port before saving it: SAM status, then a card read if one lies there. */
  'admin.testReader': z.strictObject({
    token,
    path: z.string().min(1).max(200),
    baudRate: z.number().int().positive().max(921600),
    /** Serial when absent. HID readers: path is the OS HID path or `vvvv:pppp`, with the vendor's framing. */
    transport: z.enum(['serial', 'hid']).optional(),
    hid: z
      .strictObject({ framing: z.enum(['length-prefixed', 'raw-padded']), reportSize: z.number().int().min(2).max(1024), reportId: z.number().int().min(1).max(255).nullable() })
      .optional(),
  }),
  /** Prints a test page on the receipt printer at this port (its status is asked first). */
  'admin.testPrinter': z.strictObject({ token, path: z.string().min(1).max(200), baudRate: z.number().int().positive().max(921600) }),
  /** Makes an A4 test PDF; with a CUPS queue also sends it there with `lp -d`. */
  'admin.testA4': z.strictObject({ token, queue: z.string().regex(/^[A-Za-z0-9_.@-]{1,127}$/).nullable() }),
  'admin.enrol': z.strictObject({ token, centralUrl: z.url({ protocol: /^https?$/ }), code: z.string().min(4).max(64) }),
  /** Court profiles: the rules the kiosk checks filings by, edited as one JSON document each. */
  'admin.courtProfile': z.strictObject({ token, courtId: z.string().min(1).max(40) }),
  /** Validated whole on the trusted side (parseCourtProfile); a bad profile is answered with its issues, not stored. */
  'admin.saveCourtProfile': z.strictObject({ token, profile: z.unknown() }),
  'admin.resetCourtProfile': z.strictObject({ token, courtId: z.string().min(1).max(40) }),
  /** A counter PC's court token (yzt central court-token); null removes it. Never read back. */
  'admin.setCounterToken': z.strictObject({ token, courtToken: z.string().min(1).max(200).nullable() }),
  /** Personal data purge: the setting and the last run. */
  'admin.privacy': z.strictObject({ token }),
  'admin.savePrivacy': z.strictObject({ token, purgeAfterDays: purgeAfterDaysSchema }),
  /** Holiday years: which are confirmed, and loading a State Council notice (yzt calendar import does the same). */
  'admin.calendar': z.strictObject({ token }),
  'admin.importCalendar': z.strictObject({ token, years: z.unknown() }),
} as const;

export interface AdminSession {
  token: string;
  who: string;
  expiresAt: string;
}

export interface CourtChoice {
  id: string;
  code: string;
  name: string;
  codeConfirmed: boolean;
}

export interface HealthCheckView {
  name: string;
  status: 'ok' | 'warn' | 'fail';
  message_zh: string;
  message_en: string;
}

export interface AdminOverview {
  deviceId: string;
  enrolled: boolean;
  config: unknown;
  courts: CourtChoice[];
  devices: DeviceStateView[];
  health: HealthCheckView[];
  sync: SyncStatus;
  serialPorts: string[];
  /** Whether this PC holds a court token for the counter's sync (the token itself never leaves). */
  counterTokenSet: boolean;
}

export interface ReaderTestResult {
  ok: boolean;
  message_zh: string;
  message_en: string;
  /** When a card was read: the masked view, to show the test worked end to end. */
  card?: { name: string; idNumberMasked: string };
}

/** What a printer test did, in words for IT staff; `code` is stable for tests and logs. */
export interface DeviceTestResult {
  ok: boolean;
  code: string;
  message_zh: string;
  message_en: string;
  /** A4 test: where the test PDF was written on the kiosk. */
  pdfPath?: string;
}

export interface CourtProfileView {
  profile: CourtProfile;
  /** 'file': edited here or in courts.json; 'preset': the built-in profile. */
  source: 'preset' | 'file';
  hasPreset: boolean;
  /** The kiosk checks filings by this court now, so a change applies after a restart. */
  active: boolean;
}

export type SaveCourtProfileResult =
  | { ok: true; view: CourtProfileView; message_zh: string; message_en: string }
  | { ok: false; issues: InputIssue[]; message_zh: string; message_en: string };

/** What one purge removed (or, on a dry run, would remove): counts only, never whose. */
export interface PurgeCounts {
  filings: number;
  documents: number;
  drafts: number;
  handovers: number;
  counterRecords: number;
}

/** The calendar's years: unconfirmed ones (no notice yet) give deadlines with 以法院通知为准. */
export interface CalendarView {
  years: Array<{ year: number; confirmed: boolean; loaded: boolean; source: string }>;
}

export type ImportCalendarResult = { ok: true; view: CalendarView } | { ok: false; message_zh: string; message_en: string; issues: string[] };

export interface PrivacyView {
  purgeAfterDays: number;
  lastPurge: { at: string; afterDays: number; counts: PurgeCounts } | null;
}

export interface AdminOutputs {
  'admin.signIn': AdminSession;
  'admin.signOut': null;
  'admin.overview': AdminOverview;
  'admin.saveConfig': { saved: true; config: unknown };
  'admin.testReader': ReaderTestResult;
  'admin.testPrinter': DeviceTestResult;
  'admin.testA4': DeviceTestResult;
  'admin.enrol': { ok: boolean; message_zh: string; message_en: string };
  'admin.courtProfile': CourtProfileView;
  'admin.saveCourtProfile': SaveCourtProfileResult;
  'admin.resetCourtProfile': CourtProfileView;
  'admin.setCounterToken': { set: boolean };
  'admin.privacy': PrivacyView;
  'admin.savePrivacy': PrivacyView;
  'admin.calendar': CalendarView;
  'admin.importCalendar': ImportCalendarResult;
}

export type { SelfTestResult };
