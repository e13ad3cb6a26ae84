/**
 * `yzt kiosk serve --demo` (and so `npm start` on a machine with no hardware): a central
 * gateway in its own process and an ID card simulator on a pty, driven from the terminal, so
 * that a newcomer sees the whole filing path without a reader or a court network.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { CliIO } from '../cli/command.js';
import { spawnYzt, type YztProcess } from '../proc/spawn-yzt.js';
import { APP_ROOT } from '../paths.js';
import { enrolWithLocalCentral } from '../sync/enrol-local.js';
import { startIdCardSimulator } from '../../hardware/id-card/index.js';
import type { IdCard } from '../../src-shared/domain/id-card.js';

export const DEMO_CARD_FILE = join(APP_ROOT, 'tests', 'fixtures', 'cards', 'resident.json');

export interface DemoDevices {
  readerPath: string;
  centralUrl: string;
  command(line: string): Promise<void>;
  close(): Promise<void>;
}

const HELP = '模拟器命令 (simulator commands): place | remove | central stop | central start | help';

export async function startDemoDevices({ dataDir, io }: { dataDir: string; io: CliIO }): Promise<DemoDevices> {
  const card = JSON.parse(readFileSync(DEMO_CARD_FILE, 'utf8')) as IdCard;
  const centralDb = join(dataDir, '..', 'central', 'central.sqlite');
  let port = 0;
  const startCentral = async () => {
    const p = await spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb], /listening on (http:\/\/\S+)/);
    port = Number(new URL(p.ready[1] ?? '').port);
    return p;
  };
  let central: YztProcess | null = await startCentral();
  const centralUrl = central.ready[1] ?? '';
  await enrolWithLocalCentral({ centralDb, centralUrl, dataDir });
  const sim = await startIdCardSimulator({ link: join(dataDir, 'idcard-pty'), card });
  io.out(`demo: central gateway ${centralUrl}; ID card simulator on ${sim.appPath} with a card placed`);
  io.out(HELP);
  return {
    readerPath: sim.appPath,
    centralUrl,
    async command(line) {
      if (line === 'place') sim.placeCard(card);
      else if (line === 'remove') sim.removeCard();
      else if (line === 'central stop' && central) {
        await central.stop();
        central = null;
      } else if (line === 'central start' && !central) central = await startCentral();
      else {
        io.out(HELP);
        return;
      }
      io.out(`ok: ${line}`);
    },
    async close() {
      await sim.close();
      await central?.stop();
    },
  };
}
