import { startIdCardSimulator } from '../hardware/id-card/simulator/simulator.js';
import { parseCardJson } from '../hardware/id-card/card-json.js';
import { readFileSync, mkdtempSync } from 'node:fs';
import { startKioskApp } from '../src-main/app/kiosk-app.js';
import { createLogger } from '../src-main/log/logger.js';
const dir = mkdtempSync('/tmp/kk-');
const sim = await startIdCardSimulator({ link: dir + '/tty', card: null });
const lines: string[] = []; const log = createLogger({ level: 'debug', sink: lines });
const app = await startKioskApp({ dataDir: dir + '/k', shell: 'host', log, reader: { transport: 'serial', path: sim.appPath } as never, printerPath: null });
const card = parseCardJson(readFileSync('tests/fixtures/cards/resident.json', 'utf8'));
for (let i = 0; i < 2; i++) {
  sim.removeCard(); await new Promise((r) => setTimeout(r, 1500));
  console.log('--- place', i, JSON.stringify(app.session.currentCard?.name));
  sim.placeCard(card); await new Promise((r) => setTimeout(r, 2500));
  console.log('--- after place', i, JSON.stringify(app.session.currentCard?.name));
  app.session.end('done');
}
await app.close(); await sim.close();
for (const l of lines) if (/reader|card|session|device/.test(l)) console.log(l.slice(0, 220));
