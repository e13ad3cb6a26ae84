/**
 * Taking the card off ends the session's access to that card's data in the main process
 * (issue 12 item 5): with a real ID card simulator on a pty and the host shell over HTTP,
 * session.current, session.revealId, filing.mine and filing.submit refuse once the card is
 * lifted, and serve again when the same card is put back in the same session; another
 * person's card starts a new session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { startHostShell, type HostHandle } from '../../../src-main/host/host-server.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { KioskSession } from '../../../src-main/kiosk/session.js';
import { EventBus } from '../../../src-main/kiosk/event-bus.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/index.js';
import type { ApiEvents } from '../../../src-shared/api/contract.js';
import { loadCard } from '../../e2e/support/stack.js';
import { draft } from '../../support/fixtures.js';
import { tempDir } from '../../support/tmp.js';
import { hostLaunch } from '../../support/host-launch.js';

describe('a lifted card ends access to its data', () => {
  it('in the session itself', () => {
    const bus = new EventBus();
    const ended: string[] = [];
    bus.on('session.ended', (e) => ended.push(e.reason));
    const s = new KioskSession(bus);
    const first = s.sessionId;
    s.cardPlaced({ ...loadCard('resident') });
    expect(s.currentCard?.name).toBe('张明远');
    s.cardRemoved();
    expect(s.currentCard).toBeNull();
    s.cardPlaced({ ...loadCard('resident') });
    expect(s.sessionId).toBe(first); // the same person back: the same session, answers kept
    s.cardRemoved();
    s.cardPlaced({ ...loadCard('resident'), idNumber: '11010119800101002X', name: '另一人' });
    expect(ended).toEqual(['card-changed']); // someone else: never mixed with the last person
    expect(s.sessionId).not.toBe(first);
  });

  describe('over the host API with a real reader', () => {
    const dir = tempDir();
    let app: KioskApp;
    let host: HostHandle;
    let sim: IdCardSimulator;
    const card = loadCard('resident');

    beforeAll(async () => {
      const renderer = join(dir.path, 'renderer');
      mkdirSync(renderer);
      writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');
      const log = createLogger({ sink: [] });
      sim = await startIdCardSimulator({ link: join(dir.path, 'idcard'), card: null });
      app = await startKioskApp({ dataDir: join(dir.path, 'kiosk'), shell: 'host', log, reader: { transport: 'serial', path: sim.appPath, pollIntervalMs: 100 } });
      host = await startHostShell({ handlers: app.handlers, bus: app.bus, log, rendererDir: renderer });
    });
    afterAll(async () => {
      await host?.close();
      await app?.close();
      await sim?.close();
      dir.cleanup();
    });

    const post = async (method: string, body: unknown) =>
      (await (await hostLaunch(host.launchUrl()).post(method, body)).json()) as { ok: boolean; value?: any; error?: { code: string } };
    const next = <E extends keyof ApiEvents>(event: E) => new Promise<unknown>((resolve) => app.bus.once(event, resolve as never));

    it('serves the card holder while the card is on the reader, and nobody once it is lifted', async () => {
      const placed = next('card.placed');
      sim.placeCard(card);
      await placed;
      expect((await post('session.current', null)).value.card.name).toBe(card.name);
      expect((await post('session.revealId', null)).value.idNumber).toBe(card.idNumber);
      const filed = await post('filing.submit', draft());
      expect(filed.ok).toBe(true);
      expect((await post('filing.mine', null)).value.items).toHaveLength(1);

      const removed = next('card.removed');
      sim.removeCard();
      await removed;
      expect((await post('session.current', null)).value.card).toBeNull();
      expect(await post('session.revealId', null)).toMatchObject({ ok: false, error: { code: 'no-card' } });
      expect(await post('filing.mine', null)).toMatchObject({ ok: false, error: { code: 'no-card' } });
      expect(await post('filing.submit', draft())).toMatchObject({ ok: false, error: { code: 'no-card' } });
      expect(await post('filing.check', draft())).toMatchObject({ ok: false, error: { code: 'no-card' } });
      expect(await post('draft.save', { step: 'who', data: '{}' })).toMatchObject({ ok: false, error: { code: 'no-card' } });
      expect(await post('receipt.print', { id: filed.value.filing.id, to: 'pdf' })).toMatchObject({ ok: false, error: { code: 'no-card' } });

      // The same card back: the same session serves it again.
      const again = next('card.placed');
      sim.placeCard(card);
      await again;
      expect((await post('filing.mine', null)).value.items).toHaveLength(1);
    });
  });
});
