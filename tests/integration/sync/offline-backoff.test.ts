/**
 * An offline kiosk does not hammer the network: submits made while a failed push waits out
 * its backoff join that wait instead of each sending a push of its own, and only the central
 * answering again (or a person asking) cuts the wait short. Real kiosk SQLite, real HTTP: the
 * "central" here is a server that answers every request 503, counting them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, quietLog, statusWhere, submit, type TestKiosk } from './support.js';

describe('submits while the central is unreachable', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle;
  let down: Server;
  let requests: string[];
  let k: TestKiosk;

  beforeEach(async () => {
    dir = tempDir('yzt-offline-backoff-');
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog });
    requests = [];
    down = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
    });
    await new Promise<void>((r) => down.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    await k.close();
    await new Promise((r) => down.close(r));
    await central.close();
    dir.cleanup();
  });

  it('sends only the backoff\'s pushes, however many filings are submitted meanwhile', async () => {
    const downUrl = `http://127.0.0.1:${(down.address() as AddressInfo).port}`;
    // The backoff is long and fixed (random = 1), so no retry falls inside the test.
    k = openKiosk(dir.path, 'offline0', downUrl, { pull: false, baseDelayMs: 600_000, maxDelayMs: 600_000, watchdogMs: 600_000, random: () => 1 });
    await enrol(k, central.store, central.url);
    submit(k);
    k.sync.start();
    await statusWhere(k, (s) => s.lastErrorCode !== null && s.queueDepth === 1);
    expect(requests).toHaveLength(1);
    for (let i = 0; i < 25; i++) submit(k);
    expect(k.sync.status().queueDepth).toBe(26);
    // Waits for any push a submit started; none did.
    await k.sync.stop();
    expect(requests).toHaveLength(1);

    // Reachable again (here: the central's own address): one push round takes the whole queue, none went to the dead address.
    k.sync.setCentralUrl(central.url);
    k.sync.start();
    await statusWhere(k, (s) => s.queueDepth === 0 && s.online);
    expect(requests).toHaveLength(1);
    expect((await central.store.numberedCases()).length).toBe(26);
  });
});
