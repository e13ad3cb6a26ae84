/**
 * The driver against a simulator written apart from it (independent-sim.ts), in every way the
 * protocol leaves open: one card lying still is one `placed` and one read, lifting it is one
 * `removed`, and the next card is read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openSerialIdCardReader } from '../../../../hardware/id-card/index.js';
import type { IdCardReader } from '../../../../hardware/id-card/reader.js';
import { nextEvent, polls, record } from './helpers.js';
import { startIndependentSim, type IndependentCard, type IndependentSim } from './independent-sim.js';

const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-ind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
let sim: IndependentSim | undefined;
let reader: IdCardReader | undefined;
afterEach(async () => {
  await reader?.stop();
  await sim?.close();
  reader = undefined;
  sim = undefined;
});

const FIRST: IndependentCard = {
  name: '张明远', gender: '1', ethnic: '01', birth: '19900307', address: '北京市东城区测试胡同8号',
  id: '110101199003071233', authority: '北京市公安局东城分局', validFrom: '20150710', validTo: '20350710',
};
const SECOND: IndependentCard = { ...FIRST, name: '李秀英', gender: '2', id: '410101195501011024', birth: '19550101' };

const flavours = [false, true].flatMap((refindWhileResting) =>
  [false, true].flatMap((readEndsSelection) => [false, true].map((appendedAddress) => ({ refindWhileResting, readEndsSelection, appendedAddress }))),
);

describe('ID card reader against an independently written simulator', () => {
  it.each(flavours)('refind $refindWhileResting, read ends selection $readEndsSelection, 30 03 known $appendedAddress', async (flavour) => {
    sim = await startIndependentSim({ link: join(dir, `tty${n++}`), ...flavour });
    reader = openSerialIdCardReader({ path: sim.appPath, pollIntervalMs: 20, commandTimeoutMs: 250, retries: 1, reconnectMinMs: 20 });
    const rec = record(reader);
    sim.place(FIRST);
    const placed = nextEvent(reader, 'placed');
    reader.start();
    expect((await placed)[0]).toMatchObject({ name: FIRST.name, idNumber: FIRST.id });

    await polls(reader, 25);
    expect(rec.placed).toHaveLength(1);
    expect(rec.removed).toBe(0);
    expect(sim.received['30 01']).toBe(1);
    expect(reader.state.state).toBe('card-present');

    const removed = nextEvent(reader, 'removed');
    sim.lift();
    await removed;
    await polls(reader, 5);
    expect(rec.removed).toBe(1);
    expect(reader.state.state).toBe('ready');

    const second = nextEvent(reader, 'placed');
    sim.place(SECOND);
    expect((await second)[0]).toMatchObject({ name: SECOND.name, idNumber: SECOND.id });
    await polls(reader, 10);
    expect(rec.placed).toHaveLength(2);
    expect(sim.received['30 01']).toBe(2);
  });

  it('a card swapped for another between two polls is read as the new card', async () => {
    sim = await startIndependentSim({ link: join(dir, `tty${n++}`), refindWhileResting: true, readEndsSelection: true, appendedAddress: true });
    reader = openSerialIdCardReader({ path: sim.appPath, pollIntervalMs: 20, commandTimeoutMs: 250, retries: 1, reconnectMinMs: 20 });
    const rec = record(reader);
    sim.place(FIRST);
    const placed = nextEvent(reader, 'placed');
    reader.start();
    await placed;
    const next = nextEvent(reader, 'placed');
    sim.place(SECOND);
    expect((await next)[0]).toMatchObject({ idNumber: SECOND.id });
    expect(rec.removed).toBe(1);
  });

  it.each([false, true])('a card lifted and placed again between two polls is placed again (refind %s)', async (refindWhileResting) => {
    // Only a reader that keeps the selection after the read can tell; the kiosk relies on it
    // when a session ends with the card on the reader and the applicant puts it back at once.
    sim = await startIndependentSim({ link: join(dir, `tty${n++}`), refindWhileResting, readEndsSelection: false, appendedAddress: true });
    reader = openSerialIdCardReader({ path: sim.appPath, pollIntervalMs: 300, commandTimeoutMs: 250, retries: 1, reconnectMinMs: 20 });
    const rec = record(reader);
    sim.place(FIRST);
    const placed = nextEvent(reader, 'placed');
    reader.start();
    await placed;
    await polls(reader, 2);
    const again = nextEvent(reader, 'placed');
    await nextEvent(reader, 'polled');
    const s = sim;
    s.lift();
    s.place(FIRST);
    await again;
    expect(rec.removed).toBe(1);
    expect(rec.placed).toHaveLength(2);
  });
});
