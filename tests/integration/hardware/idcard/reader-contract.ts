/**
 * The behaviour every ID card reader setup must show, written once and run against the
 * simulator (always) and a real reader (when YZT_TEST_PORT names its port).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { IdCard } from '../../../../src-shared/domain/id-card.js';
import type { IdCardReader } from '../../../../hardware/id-card/reader.js';
import type { SimFault } from '../../../../hardware/id-card/simulator/firmware.js';
import type { SimulatedReader } from '../../../../hardware/id-card/simulator/card-tray.js';
import { nextEvent, polls, record, waitState } from './helpers.js';

export interface ReaderHarness {
  reader: IdCardReader;
  /** The card the harness expects to be read; undefined for a real card of unknown content. */
  expected: IdCard | undefined;
  /** Puts the card on the reader (simulator) or asks a person to, resolving when done. */
  placeCard(): Promise<void>;
  removeCard(): Promise<void>;
  /** Absent on real hardware: faults and unplugging are simulator-only. */
  sim?: {
    setFault(fault: SimFault | null): void;
    unplug(): Promise<void>;
    replug(): Promise<void>;
    commandCounts: Readonly<Record<string, number>>;
  };
  /** What the reader says when its device is gone; the serial wording unless the transport differs. */
  notFoundZh?: RegExp;
  close(): Promise<void>;
}

/** The harness over a simulated reader of any transport: the simulator holds the card and closes with the harness. */
export function simulatorHarness(reader: IdCardReader, sim: SimulatedReader, card: IdCard, extra: Pick<ReaderHarness, 'notFoundZh'> = {}): ReaderHarness {
  return {
    reader,
    expected: card,
    placeCard: async () => sim.placeCard(card),
    removeCard: async () => sim.removeCard(),
    sim,
    close: () => sim.close(),
    ...extra,
  };
}

export type HarnessFactory = (opts: { cardPlaced: boolean }) => Promise<ReaderHarness>;

export function readerContract(name: string, makeHarness: HarnessFactory, opts: { skip?: boolean; simulator: boolean }): void {
  describe.skipIf(opts.skip)(`ID card reader contract: ${name}`, () => {
    let h: ReaderHarness;
    const open = async (cardPlaced: boolean): Promise<ReaderHarness> => (h = await makeHarness({ cardPlaced }));
    afterEach(async () => {
      await h?.reader.stop();
      await h?.close();
    });

    const expectCard = (card: IdCard): void => {
      if (h.expected) expect(card).toEqual(h.expected);
      else expect(card.idNumber.length).toBeGreaterThanOrEqual(15);
    };

    it('reads the card on the reader, with a 1024-byte photo', async () => {
      await open(true);
      const placed = nextEvent(h.reader, 'placed');
      h.reader.start();
      const [card, raw] = await placed;
      expectCard(card);
      expect(raw.photoWlt).toHaveLength(1024);
      expect(h.reader.state).toMatchObject({ state: 'card-present' });
    });

    it('reports placed and removed once each, and a lifted card placed again is read again', async () => {
      await open(false);
      const rec = record(h.reader);
      h.reader.start();
      await waitState(h.reader, (s) => s.state === 'ready');
      expect(h.reader.state.message_zh).toBe('请将身份证放在读卡区');
      const first = nextEvent(h.reader, 'placed');
      await h.placeCard();
      await first;
      await polls(h.reader, 5);
      expect(rec.placed).toHaveLength(1);
      expect(rec.removed).toBe(0);
      const removed = nextEvent(h.reader, 'removed');
      await h.removeCard();
      await removed;
      await polls(h.reader, 5);
      expect(rec.removed).toBe(1);
      expect(h.reader.state.state).toBe('ready');
      const second = nextEvent(h.reader, 'placed');
      await h.placeCard();
      expectCard((await second)[0]);
      await polls(h.reader, 3);
      expect(rec.placed).toHaveLength(2);
      expect(rec.removed).toBe(1);
    });

    it('readOnce reads a card, and says clearly when there is none', async () => {
      await open(false);
      const err = await h.reader.readOnce(400).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'no-card', message_zh: '未检测到身份证，请将身份证放在读卡区' });
      const read = h.reader.readOnce(8000);
      await h.placeCard();
      expectCard((await read).card);
      // A card already read answers at once.
      expectCard((await h.reader.readOnce(10)).card);
    });

    describe.skipIf(!opts.simulator)('faults and unplugging (simulator only)', () => {
      const faultCases: { fault: SimFault; state: string; code: string; zh: RegExp }[] = [
        { fault: 'bad-checksum', state: 'error', code: 'bad-checksum', zh: /校验错误/ },
        { fault: 'truncated-frame', state: 'error', code: 'timeout', zh: /无响应/ },
        { fault: 'slow', state: 'error', code: 'timeout', zh: /无响应/ },
        { fault: 'sam-error', state: 'error', code: 'sam-60', zh: /安全模块.*自检失败.*复位/ },
      ];
      it.each(faultCases)('$fault gives state $state/$code with a clear message, and the reader recovers', async ({ fault, state, code, zh }) => {
        await open(false);
        if (!h.sim) throw new Error('simulator harness expected');
        h.reader.start();
        await waitState(h.reader, (s) => s.state === 'ready');
        h.sim.setFault(fault);
        const s = await waitState(h.reader, (x) => x.state === state && x.code === code);
        expect(s.message_zh).toMatch(zh);
        expect(s.message_en.length).toBeGreaterThan(10);
        if (fault === 'sam-error') {
          await polls(h.reader, 1); // the reset goes out in the cycle that saw the fault
          expect(h.sim.commandCounts['reset-sam']).toBeGreaterThanOrEqual(1);
        }
        h.sim.setFault(null);
        await waitState(h.reader, (x) => x.state === 'ready');
        const placed = nextEvent(h.reader, 'placed');
        await h.placeCard();
        expectCard((await placed)[0]);
      });

      it('garbage-bytes: noise around every answer does not stop the card being read', async () => {
        await open(true);
        if (!h.sim) throw new Error('simulator harness expected');
        h.sim.setFault('garbage-bytes');
        const rec = record(h.reader);
        const placed = nextEvent(h.reader, 'placed');
        h.reader.start();
        expectCard((await placed)[0]);
        await polls(h.reader, 5);
        expect(rec.states.filter((s) => s.state === 'error')).toEqual([]);
        expect(rec.removed).toBe(0);
      });

      it('no-card: a card the reader cannot see leaves it ready, then is read when it can', async () => {
        await open(false);
        if (!h.sim) throw new Error('simulator harness expected');
        const rec = record(h.reader);
        h.reader.start();
        h.sim.setFault('no-card');
        await h.placeCard();
        await polls(h.reader, 5);
        expect(rec.placed).toHaveLength(0);
        expect(h.reader.state).toMatchObject({ state: 'ready', message_en: 'Place the ID card on the reader' });
        const placed = nextEvent(h.reader, 'placed');
        h.sim.setFault(null);
        expectCard((await placed)[0]);
      });

      it('unplug during a read is survived: disconnected, then the card is read once after replug', async () => {
        await open(true);
        if (!h.sim) throw new Error('simulator harness expected');
        const rec = record(h.reader);
        h.sim.setFault('unplug'); // the simulator vanishes half-way through the read answer
        h.reader.start();
        const s = await waitState(h.reader, (x) => x.state === 'disconnected' && x.code === 'port-not-found');
        expect(s.message_zh).toMatch(h.notFoundZh ?? /找不到串口/);
        expect(rec.placed).toHaveLength(0);
        const placed = nextEvent(h.reader, 'placed');
        await h.sim.replug();
        expectCard((await placed)[0]);
        await polls(h.reader, 3);
        expect(rec.placed).toHaveLength(1);
        expect(rec.removed).toBe(0);
      });

      it('unplug with a card present reports removed, and replug reads it again', async () => {
        await open(true);
        if (!h.sim) throw new Error('simulator harness expected');
        const rec = record(h.reader);
        const placed = nextEvent(h.reader, 'placed');
        h.reader.start();
        await placed;
        const removed = nextEvent(h.reader, 'removed');
        await h.sim.unplug();
        await removed;
        expect(h.reader.state.state).toBe('disconnected');
        const again = nextEvent(h.reader, 'placed');
        await h.sim.replug();
        await again;
        expect(rec.placed).toHaveLength(2);
        expect(rec.removed).toBe(1);
      });
    });
  });
}
