/**
 * A TCP proxy in front of the central that can cut the connection after the central has
 * answered a push (so it committed) and before the kiosk reads the answer: the kiosk sees a
 * dropped connection for work that was done.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface CuttingProxy {
  url: string;
  /** Cut the next `n` answers to POST /v1/push. */
  cutPushAnswers(n: number): void;
  cuts: number;
  close(): Promise<void>;
}

export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const t = new URL(target);
  let toCut = 0;
  const sockets = new Set<Socket>();
  const state = { cuts: 0 };
  const server: Server = createServer((client) => {
    sockets.add(client);
    const upstream = connect(Number(t.port), t.hostname);
    sockets.add(upstream);
    let lastRequest = '';
    client.on('data', (d: Buffer) => {
      const line = d.toString('latin1', 0, Math.min(d.length, 64));
      if (/^(GET|POST) /.test(line)) lastRequest = line;
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      if (toCut > 0 && lastRequest.startsWith('POST /v1/push') && d.toString('latin1', 0, 12).startsWith('HTTP/1.1')) {
        toCut -= 1;
        state.cuts += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    cutPushAnswers: (n) => (toCut = n),
    get cuts() {
      return state.cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
