/**
 * Calls for staff inside the kiosk process: the applicant's side (this kiosk's call) and the
 * counter's side (the court's calls, when this PC has a court token), with their handlers.
 */
import type { ApiHandlers } from '../../src-shared/api/contract.js';
import type { HelpMethod } from '../../src-shared/api/help.js';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol.js';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { EventBus } from '../kiosk/event-bus.js';
import { readSetting } from '../kiosk/settings.js';
import type { ClerkSessions } from '../counter/accounts.js';
import { counterCentral } from '../counter/start-counter.js';
import { deviceShortCode } from '../filings/provisional-number.js';
import { StoredClient } from '../sync/stored-client.js';
import { HelpCaller } from './help-caller.js';
import { HelpWatcher } from './help-watcher.js';

export interface HelpOptions {
  db: Db;
  deviceId: string;
  court: CourtProfile;
  log: Logger;
  now: () => Date;
  bus: EventBus;
  /** Where the kiosk syncs (admin mode may change it). */
  centralUrl: () => string | null;
  sessions: ClerkSessions;
}

/** The name a clerk knows the kiosk by: setting kiosk.name, else the court and the device's short code. */
export function kioskName(db: Db, deviceId: string): string {
  return readSetting(db, 'kiosk.name')?.trim() || `自助终端 ${deviceShortCode(deviceId)}`;
}

export function startHelp(o: HelpOptions): { handlers: Pick<ApiHandlers, HelpMethod>; close(): Promise<void> } {
  const log = o.log.child({ part: 'help' });
  const client = new StoredClient(o.db, { centralUrl: o.centralUrl, protocol: PROTOCOL_VERSION, now: o.now, timeoutMs: 10_000 });
  const caller = new HelpCaller({ client: () => client.current(), deviceId: o.deviceId, kioskName: () => kioskName(o.db, o.deviceId), log, now: o.now, onUpdate: (c) => o.bus.emit('help.updated', c) });
  const central = counterCentral(o.db);
  const watcher = new HelpWatcher({ ...central, log, onCalls: (calls) => o.bus.emit('help.calls', calls) });
  watcher.start();
  o.bus.on('session.ended', () => caller.sessionEnded());
  return {
    handlers: {
      'help.call': ({ place }) => caller.raise(place),
      'help.current': () => caller.current(),
      'help.cancel': async () => {
        await caller.cancel();
        return null;
      },
      'counter.help.list': ({ token }) => {
        o.sessions.require(token);
        return watcher.list();
      },
      'counter.help.ack': ({ token, id }) => watcher.acknowledge(id, o.sessions.require(token).displayName),
    },
    async close() {
      caller.stop();
      await watcher.stop();
    },
  };
}
