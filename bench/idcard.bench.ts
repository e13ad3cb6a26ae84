/**
 * ID card reader: a card placed on the pty simulator to the decoded `placed` event, through
 * serialport, the decoder and the text block. Paced runs hold each answer back for its wire
 * time at 115200 baud (the 1295-byte read answer alone is ~112 ms), as a real UART would.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latencyFigures, type Figure } from './bench-kit.js';
import { openSerialIdCardReader } from '../hardware/id-card/index.js';
import { parseCardJson } from '../hardware/id-card/card-json.js';
import { startIdCardSimulator } from '../hardware/id-card/simulator/simulator.js';
import type { IdCardReader } from '../hardware/id-card/reader.js';
import { FrameDecoder } from '../hardware/id-card/frame-decoder.js';
import { feedFuzzFrames, prng } from '../tests/fixtures/idcard/fuzz-stream.js';

const BAUD = 115200;
const READ_ANSWER_BYTES = 1295;
const PLACEMENTS = 30;

function next(reader: IdCardReader, event: 'placed' | 'removed'): Promise<number> {
  return new Promise((resolve) => {
    const off = reader.on(event, () => {
      off();
      resolve(performance.now());
    });
  });
}

async function run(link: string, paced: boolean, pollIntervalMs: number): Promise<{ findToEvent: number[] }> {
  const card = parseCardJson(readFileSync(join(import.meta.dirname, '../tests/fixtures/cards/rare-chars.json'), 'utf8'));
  const sim = await startIdCardSimulator({ link, card: null, baudRate: BAUD, paced });
  const reader = openSerialIdCardReader({ path: sim.appPath, baudRate: BAUD, pollIntervalMs });
  let findAt = 0;
  let placedAt = Infinity;
  sim.on('command', (name) => {
    // The first find after placement is the one that finds the card.
    if (name === 'find-card' && findAt === 0 && performance.now() >= placedAt) findAt = performance.now();
  });
  const findToEvent: number[] = [];
  reader.start();
  try {
    for (let i = 0; i < PLACEMENTS; i++) {
      findAt = 0;
      const placed = next(reader, 'placed');
      placedAt = performance.now();
      sim.placeCard(card);
      const at = await placed;
      findToEvent.push(at - findAt);
      placedAt = Infinity;
      const removed = next(reader, 'removed');
      sim.removeCard();
      await removed;
    }
  } finally {
    await reader.stop();
    await sim.close();
  }
  return { findToEvent };
}

/** stop() while the reader waits on an answer the simulator holds back for ten minutes. */
async function stopDuringSlowAnswer(linkBase: string, times: number): Promise<number[]> {
  const card = parseCardJson(readFileSync(join(import.meta.dirname, '../tests/fixtures/cards/resident.json'), 'utf8'));
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const sim = await startIdCardSimulator({ link: `${linkBase}${i}`, card, slowMs: 600_000 });
    const reader = openSerialIdCardReader({ path: sim.appPath, pollIntervalMs: 30, commandTimeoutMs: 600_000 });
    try {
      sim.setFault('slow');
      const asked = new Promise<void>((r) => sim.on('command', () => r()));
      reader.start();
      await asked;
      const t = performance.now();
      await reader.stop();
      ms.push(performance.now() - t);
    } finally {
      await reader.stop();
      await sim.close();
    }
  }
  return ms;
}

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-bench-'));
  try {
    const wireMs = (READ_ANSWER_BYTES * 10 * 1000) / BAUD;
    // A short poll keeps the run short; a person's card also waits 0..pollIntervalMs (default
    // 500) for the next find, which the find -> placed figures leave out on purpose.
    const paced = await run(join(dir, 'paced'), true, 100);
    const raw = await run(join(dir, 'raw'), false, 100);
    const stops = await stopDuringSlowAnswer(join(dir, 'stop'), 10);
    // Was "< 20 s" in decoder-fuzz.test.ts: the same seeded million frames, timed here.
    const d = new FrameDecoder();
    const t = performance.now();
    feedFuzzFrames(prng(20261122 ^ 0x5bd1e995), 1_000_000, (chunk) => void d.push(chunk));
    const fuzzSeconds = (performance.now() - t) / 1000;
    return [
      { name: 'read answer wire time at 115200', value: wireMs, unit: 'ms', note: `${READ_ANSWER_BYTES} bytes x 10 bits` },
      ...latencyFigures('find -> placed, paced 115200', paced.findToEvent, 'find+select+read+decode over a pty'),
      ...latencyFigures('find -> placed, unpaced pty', raw.findToEvent, 'software overhead only'),
      // Was a "< 1 s" assertion in reader-sim-extra.test.ts; a timing goal, so measured here.
      ...latencyFigures('stop() while a command waits for its answer', stops, 'goal < 1000 ms'),
      { name: 'frame decoder: 1,000,000 fuzz frames', value: fuzzSeconds, unit: 's', note: 'random chunks of 1-300 bytes; goal < 20 s' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
