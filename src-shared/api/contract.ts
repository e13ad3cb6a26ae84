/**
 * The one API contract between the UI and the services behind it. Both shells implement it:
 * the Electron shell over IPC (preload checked with `satisfies KioskBridge`) and the host
 * shell over HTTP + WebSocket. Inputs are validated with these schemas on the trusted side,
 * because the renderer is treated as untrusted.
 */
import { z } from 'zod';
import { filingDraftSchema, type FilingView } from '../domain/filing.js';
import type { IdCardKind } from '../domain/id-card.js';
import { API_EVENTS } from './names.js';

export const apiInputs = {
  'kiosk.info': z.null(),
  'session.current': z.null(),
  'session.end': z.strictObject({ reason: z.enum(['done', 'idle', 'cancel']) }),
  'filing.submit': filingDraftSchema,
  'filing.get': z.strictObject({ id: z.uuid() }),
  /** The filings of the person whose card is on the reader in this session (seed 000 art. 7). */
  'filing.mine': z.null(),
  'sync.status': z.null(),
  'sync.now': z.null(),
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

export interface KioskInfo {
  deviceId: string;
  courtName: string;
  courtCode: string;
  version: string;
  shell: 'electron' | 'host';
}

export interface SessionView {
  sessionId: string;
  card: CardView | null;
  reader: ReaderStateView;
}

export interface SubmitResult {
  filing: FilingView;
}

export interface SyncStatus {
  online: boolean;
  queueDepth: number;
  oldestPendingAt: string | null;
  lastPushAt: string | null;
  lastPullAt: string | null;
  lastError: string | null;
}

export interface ApiOutputs {
  'kiosk.info': KioskInfo;
  'session.current': SessionView;
  'session.end': null;
  'filing.submit': SubmitResult;
  'filing.get': FilingView;
  'filing.mine': FilingView[];
  'sync.status': SyncStatus;
  'sync.now': SyncStatus;
}

/** Events pushed from the services to the UI. */
export interface ApiEvents {
  'reader.state': ReaderStateView;
  'card.placed': { sessionId: string; card: CardView };
  'card.removed': { sessionId: string };
  'session.ended': { sessionId: string; reason: string };
  'filing.updated': FilingView;
  'sync.status': SyncStatus;
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
