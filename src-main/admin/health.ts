/**
 * Health of a kiosk as IT staff see it (`yzt health --json`, the admin screen, the heartbeat):
 * database integrity, disk space, devices, sync and the audit chain. Each check says in
 * Chinese what to do about it.
 */
import { existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { schemaVersion } from '../db/migrate.js';
import { openKioskFile } from '../db/kiosk-cipher.js';
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import { deepCheckOk, runDeepCheck, type DeepCheck } from '../db/deep-check.js';
import { readCentralAuditView } from '../sync/central-audit-view.js';
import { centralAuditCheck } from './central-audit-check.js';
import { readKioskConfig, type KioskConfig } from './kiosk-config.js';
import { PRINTER_STATUS_TEXT, receiptPrinterStatus, type PrinterStatus } from './printer-tests.js';
import { deviceInventory, type Inventory } from '../devices/device-inventory.js';
import { createLogger } from '../log/logger.js';

export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface HealthCheck {
  name: 'database' | 'disk' | 'devices' | 'id-reader' | 'receipt-printer' | 'sync' | 'audit' | 'audit-anchor';
  status: CheckStatus;
  message_zh: string;
  message_en: string;
  details?: Record<string, unknown>;
}

export interface HealthReport {
  ok: boolean;
  at: string;
  checks: HealthCheck[];
}

export interface HealthOptions {
  dbFile: string;
  dataDir: string;
  /** The database key file; default as for every kiosk open ($YZT_DB_KEY_FILE, else beside the database). */
  keyFile?: string;
  now?: () => Date;
  /** Free bytes of the data folder's file system; replaceable to simulate a full disk. */
  freeBytes?: (dir: string) => number;
  /** Does the configured reader port exist; replaceable for tests. */
  portExists?: (path: string) => boolean;
  minFreeBytes?: number;
  warnFreeBytes?: number;
  /**
   * The deep check (quick_check, audit chain) already run elsewhere: the kiosk app's worker
   * (null while its first run is going). Absent: run here, as the `yzt health` command does.
   */
  deep?: DeepCheck | null;
}

const GiB = 1024 ** 3;

/** The data folder's disk; for a folder not made yet, the disk it would be made on. */
function defaultFreeBytes(dir: string): number {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  const s = statfsSync(at);
  return Number(s.bavail) * Number(s.bsize);
}

const check = (name: HealthCheck['name'], status: CheckStatus, zh: string, en: string, details?: Record<string, unknown>): HealthCheck => ({
  name,
  status,
  message_zh: zh,
  message_en: en,
  ...(details ? { details } : {}),
});

function diskCheck(o: HealthOptions): HealthCheck {
  const free = (o.freeBytes ?? defaultFreeBytes)(o.dataDir);
  const details = { freeBytes: free };
  if (free < (o.minFreeBytes ?? 0.2 * GiB)) return check('disk', 'fail', '磁盘空间不足，新的申请可能无法保存：请清理磁盘或联系技术人员', 'Disk nearly full: new filings may fail to save; free space now', details);
  if (free < (o.warnFreeBytes ?? 1 * GiB)) return check('disk', 'warn', '磁盘剩余空间较少，请尽快清理', 'Disk space is low', details);
  return check('disk', 'ok', '磁盘空间充足', 'Enough disk space', details);
}

export function kioskHealth(o: HealthOptions): HealthReport {
  return checkKiosk(o).report;
}

/** The report, and the configuration read on the way (null when the database could not be read). */
function checkKiosk(o: HealthOptions): { report: HealthReport; config: KioskConfig | null; noDb?: true } {
  const now = o.now ?? (() => new Date());
  const checks: HealthCheck[] = [diskCheck(o)];
  const failed = (): { report: HealthReport; config: null } => ({ report: { ok: false, at: now().toISOString(), checks }, config: null });
  if (!existsSync(o.dbFile)) {
    checks.push(
      check(
        'database',
        'fail',
        '尚无本机数据库：这个数据目录里还没有运行过终端。请确认数据目录（命令行用 --data 指定），或先启动一次终端',
        'No kiosk database yet: no kiosk has run in this data folder. Check the folder (--data on the command line), or start the kiosk once',
        { file: o.dbFile },
      ),
    );
    return { ...failed(), noDb: true };
  }
  let db: Db | null = null;
  let deep: DeepCheck | null = null;
  try {
    db = openKioskFile(o.dbFile, { fileMustExist: true, keyFile: o.keyFile });
    deep = o.deep === undefined ? runDeepCheck(db) : o.deep;
    if (deep && !deepCheckOk(deep)) throw new Error(deep.quickCheck.join('; '));
    checks.push(
      deep
        ? check('database', 'ok', '数据库完整', 'Database intact', { schemaVersion: schemaVersion(db), checkedAt: deep.at })
        : check('database', 'ok', '数据库可以使用，完整性检查正在后台进行', 'Database in use; its integrity check is running in the background', { schemaVersion: schemaVersion(db) }),
    );
  } catch (e) {
    db?.close();
    // A missing or wrong key is not corruption: restoring a backup would not help without the key.
    if (e instanceof AppError && e.code.startsWith('db-key-')) {
      checks.push(check('database', 'fail', e.message_zh, e.message_en, { error: e.code }));
      return failed();
    }
    checks.push(
      check(
        'database',
        'fail',
        '数据库已损坏：请停止使用本终端，由技术人员按手册从备份恢复（未同步的申请在恢复后会自动重新上传，不会重复编号）',
        'Database is corrupted: stop using this kiosk; IT restores it from backup (unsynced filings are re-sent after restore without duplicate numbers)',
        { error: e instanceof Error ? e.message : String(e) },
      ),
    );
    return failed();
  }
  let config: KioskConfig | null = null;
  try {
    config = readKioskConfig(db);
    const reader = config.devices.idReader;
    if (!reader) checks.push(check('id-reader', 'warn', '未配置身份证阅读器', 'No ID card reader configured'));
    else if (!(o.portExists ?? existsSync)(reader.path)) checks.push(check('id-reader', 'fail', `身份证阅读器未连接（${reader.path}）：请检查连接线`, `ID card reader not connected (${reader.path}); check the cable`, { path: reader.path }));
    else checks.push(check('id-reader', 'ok', '身份证阅读器已连接', 'ID card reader connected', { path: reader.path }));

    const q = db.prepare('SELECT count(*) AS depth, min(created_at) AS oldest, max(last_error) AS lastError FROM outbox WHERE done_at IS NULL').get() as { depth: number; oldest: string | null; lastError: string | null };
    const ageMin = q.oldest ? Math.round((now().getTime() - new Date(q.oldest).getTime()) / 60000) : 0;
    const details = { queueDepth: q.depth, oldestPendingMinutes: ageMin, lastError: q.lastError };
    if (q.depth > 0 && ageMin > 60) checks.push(check('sync', 'warn', `有 ${q.depth} 份申请超过 ${ageMin} 分钟未上传到法院系统，请检查网络`, `${q.depth} filings waiting over ${ageMin} min; check the network`, details));
    else checks.push(check('sync', 'ok', q.depth > 0 ? `有 ${q.depth} 份申请正在上传` : '没有待上传的申请', q.depth > 0 ? `${q.depth} filings being sent` : 'Nothing waiting', details));

    const audit = deep?.audit;
    if (audit) checks.push(audit.ok ? check('audit', 'ok', '审计日志完整', 'Audit log intact', { entries: audit.entries, keyedFrom: audit.keyedFrom }) : check('audit', 'fail', audit.message_zh, audit.message_en, { brokenAt: audit.brokenAt }));
    const seen = centralAuditCheck(readCentralAuditView(db));
    if (seen) checks.push(seen);
  } catch (e) {
    // An older schema (not yet migrated by the app) lacks some tables: say so, do not crash.
    checks.push(check('database', 'warn', '数据库版本较旧，部分检查未进行：请启动一次终端程序完成升级', 'Older database schema; some checks skipped until the kiosk app has run once', { error: e instanceof Error ? e.message : String(e) }));
  } finally {
    db.close();
  }
  return { report: { ok: checks.every((c) => c.status !== 'fail'), at: now().toISOString(), checks }, config };
}

/**
 * kioskHealth plus the receipt printer's live status (asked with DLE EOT 1) when one is
 * configured: it takes a round trip to the printer, so it is async and kept apart.
 */
export async function kioskHealthWithPrinter(o: HealthOptions & { printerStatus?: (path: string, baudRate: number) => Promise<PrinterStatus>; listDevices?: () => Promise<Inventory> }): Promise<HealthReport> {
  const { report, config, noDb } = checkKiosk(o);
  if (noDb) {
    // No configuration to check devices against: say what the machine has, which is what IT
    // staff setting a kiosk up want to know next.
    const inv = await (o.listDevices ?? listDevicesUnconfigured)();
    const ports = inv.serialPorts.map((p) => p.path);
    const hid = inv.hidDevices.map((d) => d.id);
    report.checks.push(
      check('devices', 'warn', `尚未配置设备（没有本机数据库）；本机可见串口 ${ports.length} 个、HID 设备 ${hid.length} 个`, `No devices configured (no kiosk database); this machine shows ${ports.length} serial ports and ${hid.length} HID devices`, {
        serialPorts: ports,
        hidDevices: hid,
      }),
    );
    return report;
  }
  const printer = config?.devices.receiptPrinter;
  if (!printer) return report;
  const status = await (o.printerStatus ?? receiptPrinterStatus)(printer.path, printer.baudRate);
  const t = PRINTER_STATUS_TEXT[status];
  const c = check('receipt-printer', status === 'ready' ? 'ok' : 'fail', t.zh, t.en, { path: printer.path, status });
  const at = report.checks.findIndex((x) => x.name === 'id-reader');
  report.checks.splice(at < 0 ? report.checks.length : at + 1, 0, c);
  return { ...report, ok: report.ok && c.status !== 'fail' };
}

function listDevicesUnconfigured(): Promise<Inventory> {
  return deviceInventory({ devices: null, open: false, waitMs: 0, log: createLogger({ level: 'error', sink: [] }) });
}
