/**
 * A real `yzt central serve` and one enrolled kiosk whose client signs whatever a test pushes:
 * the stand-in for a compromised or buggy kiosk in the boundary tests.
 */
import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { SqliteCentralStore } from '../../../src-main/central/sqlite-store.js';
import { CentralClient } from '../../../src-main/sync/central-client.js';
import { readCredential } from '../../../src-main/sync/sync-state.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, type TestKiosk } from '../sync/support.js';

export interface SigningKiosk {
  central: YztProcess;
  client: CentralClient;
}

/** Starts both before the suite and stops them after; read the fields inside tests. */
export function signingKioskAgainstCentral(name: string): SigningKiosk {
  const dir = tempDir();
  const held = {} as SigningKiosk;
  let kiosk: TestKiosk | undefined;
  beforeAll(async () => {
    held.central = await spawnYzt(['central', 'serve', '--port', '0', '--db', join(dir.path, 'central.sqlite')], /listening on (http:\/\/\S+)/);
    const url = held.central.ready[1] ?? '';
    kiosk = openKiosk(dir.path, name, null);
    const store = new SqliteCentralStore(join(dir.path, 'central.sqlite'));
    await enrol(kiosk, store, url);
    await store.close();
    held.client = new CentralClient(readCredential(kiosk.db)!, { protocol: 2, schema: 4, now: () => new Date(), timeoutMs: 5000 });
  });
  afterAll(async () => {
    await kiosk?.close();
    await held.central?.stop();
    dir.cleanup();
  });
  return held;
}
