/**
 * Pushes on the way at once (push-pipeline.ts), on a real kiosk database and a real central
 * behind a forwarding proxy that can hold or refuse single pushes: the next batch is sent
 * while the central still works on the one before; a refused batch among accepted ones
 * leaves nothing lost and nothing numbered twice, whichever of the two fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startCentral, type CentralHandle } from '../../../src-main/central/central-server.js';
import { tempDir } from '../../support/tmp.js';
import { enrol, openKiosk, quietLog, seqOf, statusWhere, submit, type TestKiosk } from './support.js';
import { outboxStats } from '../../../src-main/sync/outbox-store.js';

interface Push {
  n: number;
  forward(): Promise<void>;
  refuse(): void;
}

/** Forwards requests to the central; each push is handed to `onPush`, which decides when and how it is answered. */
function proxy(target: () => string, onPush: (p: Push) => void): Server {
  let pushes = 0;
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const forward = async () => {
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
        const r = await fetch(`${target()}${req.url}`, { method: req.method ?? 'GET', headers, ...(req.method === 'GET' ? {} : { body: new Uint8Array(Buffer.concat(chunks)) }) });
        res.writeHead(r.status, Object.fromEntries(r.headers.entries())).end(Buffer.from(await r.arrayBuffer()));
      };
      if (req.method !== 'POST' || req.url !== '/v1/push') return void forward();
      onPush({ n: ++pushes, forward, refuse: () => void res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}') });
    });
  });
}

describe('pushes on the way at once', () => {
  let dir: ReturnType<typeof tempDir>;
  let central: CentralHandle;
  let front: Server | null = null;
  let k: TestKiosk;

  const listen = async (s: Server) => {
    front = s;
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
  };

  beforeEach(async () => {
    dir = tempDir('yzt-push-pipeline-');
    central = await startCentral({ dbFile: join(dir.path, 'central.sqlite'), port: 0, log: quietLog });
  });
  afterEach(async () => {
    await k.close();
    if (front) await new Promise((r) => front!.close(r));
    front = null;
    await central.close();
    dir.cleanup();
  });

  const numbered = async () => (await central.store.numberedCases()).map((c) => c.seq).sort((a, b) => a - b);

  it('sends the next batch before the answer to the one before has come', async () => {
    let held: Push | null = null;
    let most = 0;
    let onTheWay = 0;
    const url = await listen(
      proxy(
        () => central.url,
        (p) => {
          most = Math.max(most, ++onTheWay);
          const go = (q: Push) => void q.forward().then(() => onTheWay--);
          // The first push is held until a second one arrives (or, on a kiosk that waits for
          // each answer, until the proxy gives up on it: then `most` stays 1).
          if (p.n === 1) {
            held = p;
            setTimeout(() => held === p && (go(p), (held = null)), 3_000).unref();
          } else {
            if (held) go(held);
            held = null;
            go(p);
          }
        },
      ),
    );
    k = openKiosk(dir.path, 'pipe0', url, { pull: false, batchCount: 5, pushWindow: 2 });
    await enrol(k, central.store, central.url);
    for (let i = 0; i < 15; i++) submit(k);
    k.sync.start();
    await statusWhere(k, (s) => s.queueDepth === 0);
    expect(most).toBe(2);
    expect(await numbered()).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  for (const refused of [1, 2]) {
    it(`loses nothing and numbers nothing twice when push ${refused} of two on the way is refused`, async () => {
      const url = await listen(proxy(() => central.url, (p) => (p.n === refused ? p.refuse() : void p.forward())));
      k = openKiosk(dir.path, `pipe${refused}`, url, { pull: false, batchCount: 5, pushWindow: 2, baseDelayMs: 10, maxDelayMs: 20, random: () => 1 });
      await enrol(k, central.store, central.url);
      const ids = Array.from({ length: 12 }, () => submit(k).id);
      k.sync.start();
      await statusWhere(k, (s) => s.queueDepth === 0 && s.online);
      expect(await numbered()).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      // Each filing holds the number the central gave it, once.
      const byFiling = new Map((await central.store.numberedCases()).map((c) => [c.filingId, c.officialNo]));
      const local = k.db.prepare('SELECT id, official_no FROM filings').all() as { id: string; official_no: string }[];
      expect(local.map((r) => r.official_no).sort()).toEqual(ids.map((id) => byFiling.get(id)).sort());
      expect(new Set(local.map((r) => seqOf(r.official_no))).size).toBe(12);
      // The refused batch was counted against its own rows only.
      const tried = k.db.prepare('SELECT count(*) FROM outbox WHERE attempts > 0').pluck().get();
      expect(tried).toBe(5);
    });
  }

  it('applies a 500-filing answer a hundred at a time, the event loop running between (the kiosk screen never waits for the whole batch)', async () => {
    k = openKiosk(dir.path, 'chunks', central.url, { pull: false, batchCount: 500, pushWindow: 1 });
    await enrol(k, central.store, central.url);
    for (let i = 0; i < 500; i++) submit(k);
    // Samples the queue at every turn of the event loop while the push runs.
    const seen = new Set<number>();
    let sampling = true;
    const sample = () => {
      if (!sampling) return;
      seen.add(outboxStats(k.db).depth);
      setImmediate(sample);
    };
    sample();
    try {
      k.sync.start();
      await statusWhere(k, (s) => s.queueDepth === 0);
    } finally {
      sampling = false;
    }
    expect([...seen].filter((d) => d > 0 && d < 500).sort((a, b) => b - a)).toEqual([400, 300, 200, 100]);
  });
});
