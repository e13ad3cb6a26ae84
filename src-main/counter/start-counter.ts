/**
 * The counter console inside the kiosk process: its service, its queue of actions for the
 * central, and the handlers kiosk-app merges into the contract's map.
 */
import { readSetting } from '../kiosk/settings.js';
import type { Db } from '../db/open.js';
import { CounterService, type CounterDeps } from './counter-service.js';
import { CourtSync } from './court-sync.js';
import { counterHandlers, type CounterHandlers } from './counter-handlers.js';
import { relatedSearch } from './related-search.js';
import { centralSms } from './central-sms.js';
import { smsCounterHandlers, type SmsCounterHandlers } from './counter-sms.js';

/** How often a counter PC looks for the court's other terminals' work when nothing else wakes it. */
export const COURT_POLL_MS = 15_000;

export type CounterOptions = Pick<CounterDeps, 'db' | 'court' | 'deviceId' | 'now' | 'log' | 'applicantKey' | 'handover' | 'scans'> & {
  /** Another terminal's work (or a filing from another kiosk) arrived for these filings. */
  onChanged?: (filingIds: string[]) => void;
};

export interface Counter {
  handlers: CounterHandlers & SmsCounterHandlers;
  service: CounterService;
  courtSync: CourtSync;
  close(): Promise<void>;
}

/** Where a counter PC reaches the court-side API, and with which token; read at each use. */
export function counterCentral(db: Db): { centralUrl: () => string | null; token: () => string | null } {
  return {
    centralUrl: () => readSetting(db, 'central.url') ?? null,
    // The court-side case API's token (yzt central serve --admin-token): a kiosk setting, else the environment.
    token: () => readSetting(db, 'counter.centralToken') ?? process.env.YZT_CENTRAL_ADMIN_TOKEN ?? null,
  };
}

export function startCounter(o: CounterOptions): Counter {
  const { centralUrl, token } = counterCentral(o.db);
  const log = o.log.child({ part: 'counter' });
  const courtSync = new CourtSync({ db: o.db, log, centralUrl, token, now: o.now, courtCode: o.court.code, applicantKey: o.applicantKey, pollMs: COURT_POLL_MS, ...(o.onChanged ? { onPulled: o.onChanged } : {}) });
  const { onChanged: _, ...deps } = o;
  const service = new CounterService({ ...deps, log, courtSync, related: relatedSearch({ centralUrl, token, log }), pages: { centralUrl, token, log }, central: { centralUrl, token } });
  courtSync.start();
  const sms = smsCounterHandlers({ sessions: service.sessions, court: o.court.code, central: centralSms({ centralUrl, token, log }) });
  return { handlers: { ...counterHandlers(service), ...sms }, service, courtSync, close: () => courtSync.stop() };
}
