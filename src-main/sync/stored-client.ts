/**
 * The signed client for the credential stored in the kiosk database, built again only when
 * enrolment changes it (another central, a new secret), so the push, the pull, the page uploads
 * and the heartbeat each keep the clock offset their client learned from the central.
 */
import type { Db } from '../db/open.js';
import { schemaVersion } from '../db/migrate.js';
import { CentralClient, type ClientOptions } from './central-client.js';
import { readCredential } from './sync-state.js';

export class StoredClient {
  private client: CentralClient | null = null;
  private key = '';

  /** `centralUrl`: where to send instead of the enrolled address (a moved central, tests), read each time. */
  constructor(
    private readonly db: Db,
    private readonly o: Omit<ClientOptions, 'schema'> & { centralUrl?: () => string | null },
  ) {}

  /** Null until the kiosk is enrolled. */
  current(): CentralClient | null {
    const cred = readCredential(this.db);
    if (!cred) return null;
    const url = this.o.centralUrl?.() ?? cred.centralUrl;
    const key = `${url}\n${cred.deviceId}\n${cred.secret}`;
    if (key !== this.key) {
      this.client = new CentralClient({ ...cred, centralUrl: url }, { protocol: this.o.protocol, schema: schemaVersion(this.db), now: this.o.now, timeoutMs: this.o.timeoutMs });
      this.key = key;
    }
    return this.client;
  }
}
