import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openSerialIdCardReader } from '../../../../hardware/id-card/index.js';
import { startIdCardSimulator } from '../../../../hardware/id-card/simulator/simulator.js';
import type { CardReaderPort } from '../../../../src-main/devices/card-reader-port.js';
import { fixtureCard } from './helpers.js';
import { readerContract, simulatorHarness } from './reader-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'yzt-idcard-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// Short timings keep the suite fast; the slow fault answers after 600 ms, past the 250 ms timeout.
readerContract(
  'simulator over socat ptys',
  async ({ cardPlaced }) => {
    const card = fixtureCard('rare-chars');
    const sim = await startIdCardSimulator({ link: join(dir, `tty${n++}`), card: cardPlaced ? card : null, slowMs: 600 });
    const reader = openSerialIdCardReader({
      path: sim.appPath,
      pollIntervalMs: 30,
      commandTimeoutMs: 250,
      retries: 1,
      retryDelayMs: 10,
      errorBackoffMaxMs: 200,
      reconnectMinMs: 20,
      reconnectMaxMs: 100,
    });
    // The kiosk takes the reader through this port type: keep them compatible.
    reader satisfies CardReaderPort;
    return simulatorHarness(reader, sim, card);
  },
  { simulator: true },
);
