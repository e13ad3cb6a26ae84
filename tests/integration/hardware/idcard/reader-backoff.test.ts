/** A reader that keeps failing is not hammered: command retries and poll cycles back off. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { openSerialIdCardReader } from '../../../../hardware/id-card/index.js';
import type { IdCardReader, ReaderLogEntry } from '../../../../hardware/id-card/reader.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../../hardware/id-card/simulator/simulator.js';
import { fixtureCard, nextEvent, polls } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-backoff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let sim: IdCardSimulator | undefined;
let reader: IdCardReader | undefined;
afterEach(async () => {
  await reader?.stop();
  await sim?.close();
});

it('after checksum errors, retries wait twice as long each time and poll pauses double up to the cap', async () => {
  sim = await startIdCardSimulator({ link: join(dir, 'tty'), card: null, fault: 'bad-checksum' });
  const logs: ReaderLogEntry[] = [];
  reader = openSerialIdCardReader({
    path: sim.appPath, pollIntervalMs: 10, commandTimeoutMs: 250, retries: 2, retryDelayMs: 5, errorBackoffMaxMs: 80,
    log: (e) => logs.push(e),
  });
  reader.start();
  await polls(reader, 6);
  const retryWaits = logs.filter((e) => e.event === 'command-failed' && e.detail?.retryInMs !== undefined).map((e) => e.detail!.retryInMs);
  expect(retryWaits.slice(0, 4)).toEqual([5, 10, 5, 10]);
  const pauses = logs.filter((e) => e.event === 'cycle-failed').map((e) => e.detail!.retryInMs);
  expect(pauses.slice(0, 6)).toEqual([20, 40, 80, 80, 80, 80]);
  // Three attempts per failed cycle, no more: the find that keeps failing is all that was sent.
  expect(sim.commandCounts['find-card']).toBeLessThanOrEqual(3 * (pauses.length + 1));

  // Once the reader answers again, the pause is back to the poll interval and the card is read.
  sim.setFault(null);
  const placed = nextEvent(reader, 'placed');
  sim.placeCard(fixtureCard('resident'));
  await placed;
  const failedBefore = logs.filter((e) => e.event === 'cycle-failed').length;
  await polls(reader, 3);
  expect(logs.filter((e) => e.event === 'cycle-failed')).toHaveLength(failedBefore);
});
