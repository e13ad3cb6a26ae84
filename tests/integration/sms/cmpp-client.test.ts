/** The product's CMPP client against the ISMG simulator over real TCP on loopback. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CmppClient, CmppSendError, type CmppConfig } from '../../../src-main/sms/cmpp/client.js';
import type { StatusReport } from '../../../src-main/sms/cmpp/deliver.js';
import { CmppSimulator } from '../../support/cmpp-sim/simulator.js';

const SECRET = 'test-shared-secret';
let sim: CmppSimulator;
let client: CmppClient | null = null;

function config(over: Partial<CmppConfig> = {}): CmppConfig {
  return { host: '127.0.0.1', port: sim.port, sourceAddr: '901234', secret: SECRET, serviceId: 'YZTFY', srcId: '10690001', responseTimeoutMs: 5000, activeTestMs: 0, ...over };
}

beforeEach(async () => {
  sim = new CmppSimulator({ sourceAddr: '901234', secret: SECRET });
  await sim.start();
});

afterEach(async () => {
  await client?.close();
  client = null;
  await sim.stop();
});

describe('CMPP client against the simulator', () => {
  it('logs in, sends Chinese text as UCS-2, and the phone gets it whole', async () => {
    const reports: StatusReport[] = [];
    const got = new Promise<void>((resolve) => {
      client = new CmppClient(config(), (r) => {
        reports.push(r);
        resolve();
      });
    });
    const r = await client!.send('13812341234', '您的执行申请已受理，案号（2026）豫0811执1号。');
    expect(r.segments).toBe(1);
    expect(sim.received).toEqual([expect.objectContaining({ phone: '13812341234', text: '您的执行申请已受理，案号（2026）豫0811执1号。', srcId: '10690001', serviceId: 'YZTFY', sourceAddr: '901234' })]);
    await got;
    expect(reports[0]).toMatchObject({ msgId: r.msgIds[0], stat: 'DELIVRD', destTerminalId: '13812341234' });
    expect(sim.logins).toBe(1);
  });

  it('sends a long message as concatenated parts the phone joins back', async () => {
    client = new CmppClient(config());
    const text = '执行案件进度提示：'.repeat(20);
    const r = await client.send('13812341234', text);
    expect(r.segments).toBe(3);
    expect(r.msgIds).toHaveLength(3);
    expect(sim.received.map((m) => [m.text, m.segments])).toEqual([[text, 3]]);
  });

  it('a wrong secret is refused at login and not retried as if the link were down', async () => {
    client = new CmppClient(config({ secret: 'wrong' }));
    const e = await client.send('13812341234', '测试').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CmppSendError);
    expect((e as CmppSendError).code).toBe('connect-3');
    expect((e as CmppSendError).retryable).toBe(false);
    expect(sim.refusedLogins).toBe(1);
    expect(sim.received).toHaveLength(0);
  });

  it('a link dropped during a submit fails that send; the next send logs in again and goes through', async () => {
    client = new CmppClient(config());
    await client.send('13812341234', '第一条');
    sim.dropOnSubmit(1);
    const e = await client.send('13812341234', '第二条').catch((x: unknown) => x);
    expect((e as CmppSendError).code).toBe('link-closed');
    expect((e as CmppSendError).retryable).toBe(true);
    await client.send('13812341234', '第二条');
    expect(sim.received.map((m) => m.text)).toEqual(['第一条', '第二条']);
    expect(sim.logins).toBe(2);
  });

  it('a refused submit (flow control) is reported as retryable, and the retry is received once', async () => {
    client = new CmppClient(config());
    sim.failSubmits(1, 8);
    const e = await client.send('13812341234', '重试的短信').catch((x: unknown) => x);
    expect((e as CmppSendError).code).toBe('submit-8');
    expect((e as CmppSendError).retryable).toBe(true);
    await client.send('13812341234', '重试的短信');
    expect(sim.received.map((m) => m.text)).toEqual(['重试的短信']);
    expect(sim.logins).toBe(1);
  });

  it('keeps an idle link alive with CMPP_ACTIVE_TEST and says CMPP_TERMINATE on close', async () => {
    client = new CmppClient(config({ activeTestMs: 20 }));
    await client.send('13812341234', '保活');
    await new Promise<void>((resolve) => sim.on('command', (id: number) => id === 0x00000008 && resolve()));
    await client.close();
    client = null;
    expect(sim.commands.map((c) => c.id)).toEqual(expect.arrayContaining([0x00000001, 0x00000004, 0x00000008, 0x00000002]));
    expect(sim.commands.filter((c) => c.id < 0x80000000).at(-1)!.id).toBe(0x00000002);
  });
});
