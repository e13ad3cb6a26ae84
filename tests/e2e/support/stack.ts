/**
 * The whole product on real parts for browser tests: the central gateway and the kiosk host
 * shell as their own processes, and the ID card simulator on a socat pty that the kiosk's
 * serial driver reads.
 */
import { join } from 'node:path';
import { mkdirSync, readFileSync } from 'node:fs';
import { openDatabase } from '../../../src-main/db/open.js';
import { writeSetting } from '../../../src-main/kiosk/settings.js';
import { spawnYzt, type YztProcess } from '../../../src-main/proc/spawn-yzt.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../hardware/id-card/index.js';
import { startPrinterSimulator, type PrinterSimulator } from '../../../hardware/printer/simulator.js';
import type { IdCard } from '../../../src-shared/domain/id-card.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import { tempDir } from '../../support/tmp.js';
import { enrolWithLocalCentral } from '../../../src-main/sync/enrol-local.js';
import { hostLaunch, type HostLaunch } from '../../support/host-launch.js';

export function loadCard(name: string): IdCard {
  return JSON.parse(readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'cards', `${name}.json`), 'utf8')) as IdCard;
}

export interface Stack {
  dir: string;
  /** Opens the kiosk page: the printed launch URL, with the per-launch secret in its fragment. */
  kioskUrl: string;
  /** The host shell's page routes (`host.page('/counter')`) and API, with the secret. */
  host: HostLaunch;
  centralUrl: string;
  sim: IdCardSimulator;
  /** The receipt printer simulator, when started with `printer: true`. */
  printer: PrinterSimulator | null;
  stopCentral(signal?: NodeJS.Signals): Promise<void>;
  startCentral(): Promise<void>;
  close(): Promise<void>;
}

/** More for the central: options (`--sms FILE`) and environment (its secret). */
export interface CentralExtras {
  args?: string[];
  env?: NodeJS.ProcessEnv;
}

/** `pacedReader`: the simulator holds each answer for its wire time at 115200 baud, as a real reader. */
/** `courtId`: the court the kiosk is enrolled for (jiaozuo-shanyang unless told). */
export async function startStack(opts: { pacedReader?: boolean; printer?: boolean; central?: CentralExtras; courtId?: string } = {}): Promise<Stack> {
  const tmp = tempDir('yzt-e2e-');
  const centralDb = join(tmp.path, 'central.sqlite');
  const startCentralProc = (port: number) => spawnYzt(['central', 'serve', '--port', String(port), '--db', centralDb, ...(opts.central?.args ?? [])], /listening on (http:\/\/\S+)/, { env: opts.central?.env ?? {} });
  let central: YztProcess | null = await startCentralProc(0);
  const centralUrl = central.ready[1] ?? '';
  const sim = await startIdCardSimulator({ link: join(tmp.path, 'idcard'), card: null, paced: opts.pacedReader ?? false });
  await enrolWithLocalCentral({ centralDb, centralUrl, dataDir: join(tmp.path, 'kiosk'), ...(opts.courtId ? { courtId: opts.courtId } : {}) });
  const printer = opts.printer ? await startPrinterSimulator({ link: join(tmp.path, 'printer'), outDir: join(tmp.path, 'printed') }) : null;
  if (printer) {
    // Configured the way an installer would: the kiosk setting printer.path in its database.
    mkdirSync(join(tmp.path, 'kiosk'), { recursive: true });
    const db = openDatabase(join(tmp.path, 'kiosk', 'kiosk.sqlite'), 'kiosk');
    writeSetting(db, 'printer.path', printer.appPath);
    db.close();
  }
  const kiosk = await spawnYzt(
    ['kiosk', 'serve', '--port', '0', '--data', join(tmp.path, 'kiosk'), '--central', centralUrl, '--reader', sim.appPath, '--sync-max-delay', '500'],
    /kiosk: (http:\/\/\S+)/,
  );
  return {
    dir: tmp.path,
    kioskUrl: kiosk.ready[1] ?? '',
    host: hostLaunch(kiosk.ready[1] ?? ''),
    centralUrl,
    sim,
    printer,
    async stopCentral(signal = 'SIGTERM') {
      await central?.stop(signal);
      central = null;
    },
    async startCentral() {
      central = await startCentralProc(Number(new URL(centralUrl).port));
    },
    async close() {
      await kiosk.stop();
      await central?.stop();
      await sim.close();
      await printer?.close();
      tmp.cleanup();
    },
  };
}
