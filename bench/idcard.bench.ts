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

export async function bench(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-bench-'));
  try {
    const wireMs = (READ_ANSWER_BYTES * 10 * 1000) / BAUD;
    // A short poll keeps the run short; a person's card also waits 0..pollIntervalMs (default
    // 500) for the next find, which the find -> placed figures leave out on purpose.
    const paced = await run(join(dir, 'paced'), true, 100);
    const raw = await run(join(dir, 'raw'), false, 100);
    return [
      { name: 'read answer wire time at 115200', value: wireMs, unit: 'ms', note: `${READ_ANSWER_BYTES} bytes x 10 bits` },
      ...latencyFigures('find -> placed, paced 115200', paced.findToEvent, 'find+select+read+decode over a pty'),
      ...latencyFigures('find -> placed, unpaced pty', raw.findToEvent, 'software overhead only'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
