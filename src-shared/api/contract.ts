/**
 * The one API contract between the UI and the services behind it. Both shells implement it:
 * the Electron shell over IPC (preload checked with `satisfies KioskBridge`) and the host
 * shell over HTTP + WebSocket. Inputs are validated with these schemas on the trusted side,
 * because the renderer is treated as untrusted.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, filingDraftSchema, handoverDraftSchema, text, type FilingView } from '../domain/filing.js';
import type { MoneyBreakdown } from '../domain/draft-facts.js';
import type { Finding } from '../rules/finding.js';
import type { IdCardKind } from '../domain/id-card.js';
import { API_EVENTS } from './names.js';
import type { PayloadReading } from '../scan/payload.js';
import { counterInputs, type CounterOutputs } from '../counter/contract.js';
import { adminInputs, type AdminOutputs } from '../admin/contract.js';
import { handwritingInputs, type HandwritingOutputs } from '../handwriting/contract.js';
import { speechInputs, type SpeechOutputs } from './speech.js';
import { helpInputs, type HelpCallView, type HelpOutputs } from './help.js';
import { smsCounterInputs, type SmsCounterOutputs } from '../counter/sms-contract.js';

/** The kiosk's devices: one list for the self-test input and the DeviceKind type. */
export const DEVICE_KINDS = ['idReader', 'scanner', 'receiptPrinter'] as const;

export const apiInputs = {
  'kiosk.info': z.null(),
  'session.current': z.null(),
  'session.end': z.strictObject({ reason: z.enum(['done', 'idle', 'cancel']) }),
  /** The card holder's own full ID number, for them to check on request (masked everywhere else). */
  'session.revealId': z.null(),
  'filing.submit': filingDraftSchema,
  'filing.get': z.strictObject({ id: z.uuid() }),
  /** The filings of the person whose card is on the reader in this session (seed 000 art. 7). */
  'filing.mine': z.strictObject({ before: z.string().max(80).optional() }).nullable(),
  'sync.status': z.null(),
  'sync.now': z.null(),
  /** Runs the rules engine on the answers so far, with the card's data from this session. */
  'filing.check': filingDraftSchema,
  /** Keeps an unfinished application for the card on the reader (encrypted, expires). */
  'draft.save': z.strictObject({ step: z.string().max(40), data: z.string().max(400_000) }),
  'draft.resume': z.null(),
  'draft.discard': z.null(),
  /** Hands the unfinished application to the counter: returns a code for the clerk (encrypted, expires). */
  'draft.handover': handoverDraftSchema,
  /** A page photographed by the document camera, as a JPEG or PNG data URL. */
  'document.add': z.strictObject({ kind: z.enum(DOCUMENT_KINDS), dataUrl: z.string().max(1_900_000).regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/) }),
  'document.remove': z.strictObject({ id: z.uuid() }),
  /** Prints the receipt on the kiosk printer, or renders it as PDF when asked or when no printer answers. */
  'receipt.print': z.strictObject({ id: z.uuid(), to: z.enum(['printer', 'pdf']) }),
  /** Status by the code printed as QR on a receipt (seed 000 art. 7). */
  'status.byReceipt': z.strictObject({ code: z.string().trim().max(200) }),
  /** Status by the number printed on the receipt; only the filing of the card on the reader (issue 12 item 6). */
  'status.byNumber': z.strictObject({ number: z.string().trim().min(1).max(64) }),
  /** Earlier filings of this card holder on the same basis against the same respondent, here and at the court (issue 12 item 4). */
  'filing.duplicates': filingDraftSchema,
  /** Corrects a returned filing of the card on the reader with what can be given at the kiosk (issue 12 item 6). */
  'filing.correct': z.strictObject({
    id: z.uuid(),
    applicantPhone: text(20, '联系电话').optional(),
    applicantAddress: text(120, '送达地址').optional(),
    respondents: z.array(z.strictObject({ address: text(120, '地址').optional(), phone: text(20, '联系电话').optional() })).max(20).optional(),
  }),
  /** The counter console for clerks (src-shared/counter/contract.ts). */
  ...counterInputs,
  /** The counter's progress-SMS views (src-shared/counter/sms-contract.ts). */
  ...smsCounterInputs,
  /** IT staff's admin mode (src-shared/admin/contract.ts). */
  ...adminInputs,
  /** The read-aloud voice (src-shared/api/speech.ts). */
  ...speechInputs,
  /** 「呼叫工作人员」 (src-shared/api/help.ts). */
  ...helpInputs,
  /** Every kiosk device (ID reader, scanner, receipt printer) with its live state. */
  'devices.list': z.null(),
  /** Self-test of one device, or of all when none is named. */
  'devices.selfTest': z.strictObject({ device: z.enum(DEVICE_KINDS).optional() }),
  /** Handwriting input of the on-screen keyboard (src-shared/handwriting/contract.ts). */
  ...handwritingInputs,
} as const;

export type ApiMethod = keyof typeof apiInputs;
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];

/** What an applicant may see of their own card: the ID number masked. */
export interface CardView {
  kind: IdCardKind;
  name: string;
  genderLabel_zh: string;
  birthDate: string;
  address: string;
  idNumberMasked: string;
  validTo: string;
}

export type ReaderState = 'disconnected' | 'connecting' | 'ready' | 'card-present' | 'error';

export interface ReaderStateView {
  state: ReaderState;
  message_zh: string;
  message_en: string;
}

export type DeviceKind = (typeof DEVICE_KINDS)[number];
/** The methods the device manager answers (kiosk-app adds them to the other handlers). */
export type DeviceMethod = 'devices.list' | 'devices.selfTest';

/**
 * 'external': used by the page directly (keyboard-wedge scanner, camera), nothing to watch
 * from the services; 'testing': a self-test holds the device for a moment.
 */
export type DeviceState = 'not-configured' | 'external' | 'disconnected' | 'connecting' | 'ready' | 'card-present' | 'error' | 'testing';

export interface DeviceStateView {
  device: DeviceKind;
  /** 'serial' | 'hid' | 'keyboard-wedge' | 'camera'; null when not configured. */
  transport: string | null;
  /** Port or HID path / `vvvv:pppp`; never personal data. */
  target: string | null;
  state: DeviceState;
  /** Stable code for logs and tests ('port-not-found', 'sam-60', ...). */
  code?: string;
  message_zh: string;
  message_en: string;
  /** When the state last changed (ISO-8601). */
  since: string;
}

export interface SelfTestResult {
  device: DeviceKind;
  ok: boolean;
  /** 'ok', 'not-configured', 'busy', 'port-not-found', 'timeout', 'sam-60', ... */
  code: string;
  message_zh: string;
  message_en: string;
  durationMs: number;
}

export interface KioskInfo {
  deviceId: string;
  courtName: string;
  courtCode: string;
  version: string;
  shell: 'electron' | 'host';
  /** Idle countdown of the applicant screens (kiosk settings idle.warnAfterSeconds, idle.wipeAfterSeconds). */
  idle?: { warnAfterSeconds: number; wipeAfterSeconds: number };
}

export interface SessionView {
  sessionId: string;
  card: CardView | null;
  reader: ReaderStateView;
}

export interface SubmitResult {
  filing: FilingView;
  /** What the applicant scans later to see the status (printed as QR on the receipt). */
  receiptCode: string;
}

export interface SyncStatus {
  online: boolean;
  queueDepth: number;
  oldestPendingAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
  /** Code of the last error ('unreachable', 'device-revoked', 'kiosk-too-old', 'central-too-old', ...). */
  lastErrorCode?: string | null;
  /** The last error in Chinese, for the sync indicator; `lastError` is the English. */
  lastError_zh?: string | null;
  /** False until the kiosk has exchanged an enrolment code for its device credential. */
  enrolled?: boolean;
  /** Pages of numbered filings the central does not hold yet; the purge waits for them. */
  pagesPending?: number;
}

/** The rules engine's answer for the answers so far, in the applicant's words. */
export interface CheckView {
  ok: boolean;
  typeCode: string | null;
  typeLabel_zh: string | null;
  typeLabel_en: string | null;
  findings: Finding[];
  money: MoneyBreakdown | null;
  /** 执前督 may be offered (court has it and the first-enforcement facts allow it). */
  preEnforcementOffered: boolean;
  fields: Record<string, string>;
}

/** An earlier filing that looks like the one being made: same applicant, basis and respondent. */
export interface DuplicateView {
  /** Where it was found: this kiosk's own filings, or the court's (the central, all kiosks). */
  where: 'kiosk' | 'court';
  /** Its official or provisional number, partly masked. */
  numberMasked: string;
  /** When it was filed (ISO-8601); the page shows it in China time. */
  filedAt: string;
}

export interface SavedDraft {
  step: string;
  data: string;
  savedAt: string;
  expiresAt: string;
}

export interface ReceiptResult {
  /** Where the receipt went: the receipt printer, or a PDF in the kiosk's data folder. */
  to: 'printer' | 'pdf';
  /** The PDF as base64 when `to` is pdf, so the page can offer it. */
  pdfBase64?: string;
  message_zh: string;
  message_en: string;
}

export interface ApiOutputs extends CounterOutputs, SmsCounterOutputs, AdminOutputs, HandwritingOutputs, SpeechOutputs, HelpOutputs {
  'kiosk.info': KioskInfo;
  'session.current': SessionView;
  'session.end': null;
  'session.revealId': { idNumber: string };
  'filing.submit': SubmitResult;
  'filing.get': FilingView;
  /** A page, newest first; `next` asks for the older ones. */
  'filing.mine': { items: FilingView[]; next: string | null };
  'sync.status': SyncStatus;
  'sync.now': SyncStatus;
  'filing.check': CheckView;
  'draft.save': { expiresAt: string };
  'draft.resume': SavedDraft | null;
  'draft.discard': null;
  'draft.handover': { code: string; expiresAt: string };
  /** `basisNumber`: a case number read from a code on the page, for the applicant to confirm. */
  'document.add': { id: string; bytes: number; basisNumber?: string };
  'document.remove': null;
  'receipt.print': ReceiptResult;
  'status.byReceipt': FilingView[];
  'status.byNumber': FilingView[];
  'filing.duplicates': DuplicateView[];
  'filing.correct': FilingView;
  'devices.list': DeviceStateView[];
  'devices.selfTest': SelfTestResult[];
}

export interface ScannerScanView {
  reading: PayloadReading;
  charset: string;
  charsetConfident: boolean;
}

/** Events pushed from the services to the UI. */
export interface ApiEvents {
  'reader.state': ReaderStateView;
  /** No card data: the session's page asks `session.current`, which answers only while the card is on the reader. */
  'card.placed': { sessionId: string };
  'card.removed': { sessionId: string };
  'session.ended': { sessionId: string; reason: string };
  /** Only the id: the filing itself is read with `filing.get`, which checks that it is the caller's. */
  'filing.updated': { id: string };
  'sync.status': SyncStatus;
  'devices.state': DeviceStateView;
  /** A code read by the serial (CDC) scanner, already interpreted; never trusted silently. */
  'scanner.scan': ScannerScanView;
  /** The counter's court sync brought in filings or other terminals' clerk records for these filings. */
  'counter.changed': { filingIds: string[] };
  /** This kiosk's call for staff changed (sent, acknowledged, could not reach the counter). */
  'help.updated': HelpCallView;
  /** The court's open calls for staff, for the counter console and admin mode. */
  'help.calls': HelpCallView[];
}
export type ApiEventName = keyof ApiEvents;
export { API_EVENTS, channelOf } from './names.js';

// Every method has an output type and every output belongs to a method.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _methodsMatch: Same<ApiMethod, keyof ApiOutputs> = true;
const _eventsComplete: Same<(typeof API_EVENTS)[number], ApiEventName> = true;
void _methodsMatch;
void _eventsComplete;

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

/** An error the person at the screen can act on, plus a code for the log and for tests. */
export interface UserError {
  code: string;
  message_zh: string;
  message_en: string;
  /** Per-field messages for form validation errors, keyed by a dotted path. */
  fields?: Record<string, string>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** What the renderer sees in either shell. */
export type KioskBridge = {
  [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutput<M>>>;
} & {
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
};

/** The services' side: one handler per method, given the validated input. */
export type ApiHandlers = {
  [M in ApiMethod]: (input: ApiParsedInput<M>) => Promise<ApiOutput<M>> | ApiOutput<M>;
};
