/**
 * IT staff's admin mode: sign-in by PIN (or a counter account with the admin role), with
 * lockout; then the kiosk's configuration, devices, health, sync and enrolment. Every action
 * goes to the audit log. Admin sessions live in memory only and lapse after a few idle minutes.
 */
import { kioskDbFile } from '../paths.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Db } from '../db/open.js';
import type { ByteBinding } from '../../hardware/serial/binding.js';
import type { Logger } from '../log/logger.js';
import type { DeviceKind, DeviceStateView, SelfTestResult, SyncStatus } from '../../src-shared/api/contract.js';
import type { AdminOverview, AdminSession, CourtProfileView, DeviceTestResult, ReaderTestResult, SaveCourtProfileResult } from '../../src-shared/admin/contract.js';
import { AppError } from '../../src-shared/api/errors.js';
import { courtProfiles, findCourt } from '../../src-shared/courts/court-profile.js';
import { editableProfile, resetCourtProfile, saveCourtProfile, type EditableProfile } from '../courts/profile-editing.js';
import { maskIdNumber, maskPersonName } from '../../src-shared/domain/masking.js';
import { appendAudit } from '../audit/audit-log.js';
import { hashPassword, verifyPassword } from '../counter/passwords.js';
import { ClerkSessions } from '../counter/accounts.js';
import { counterTokenSet, setCounterToken } from '../counter/counter-token.js';
import { readSetting, writeSetting } from '../kiosk/settings.js';
import { LockoutGate, type LockStore } from '../auth/lockout-gate.js';
import { lockedError } from '../auth/lock-message.js';
import { enrolKiosk } from '../sync/enrol-kiosk.js';
import { importKioskConfig, readKioskConfig, type KioskConfig } from './kiosk-config.js';
import { kioskHealthWithPrinter } from './health.js';
import type { DeepCheck } from '../db/deep-check.js';
import { readPrivacyView, writePurgeAfterDays } from '../privacy/purge-settings.js';
import type { CalendarView, ImportCalendarResult, PrivacyView } from '../../src-shared/admin/contract.js';
import { CALENDAR_FILE, calendarView, importCalendarYears } from '../calendar/calendar-file.js';
import { a4TestPage, printReceiptTestPage, receiptPrinterStatus } from './printer-tests.js';
import { IdCardReader } from '../../hardware/id-card/index.js';
import type { HidApi } from '../../hardware/hid/hid-api.js';
import { idReaderBinding, type IdReaderTarget } from '../devices/id-reader-device.js';
import { systemSerialPorts } from '../devices/port-probe.js';

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MINUTES = 15;
/** One gate per process: the PIN is one account, and admin sign-in runs only in the kiosk process. */
const pinGate = new LockoutGate({ maxFailures: PIN_MAX_FAILURES, lockMinutes: PIN_LOCK_MINUTES });

/** The PIN's lock state in the settings table, read and written in one transaction. */
function pinLockStore(db: Db): LockStore {
  return {
    update: (fn) =>
      db.transaction(() => {
        const { next, result } = fn({ failures: Number(readSetting(db, 'admin.pinFailures') ?? '0'), lockedUntil: readSetting(db, 'admin.pinLockedUntil') ?? null });
        writeSetting(db, 'admin.pinFailures', String(next.failures));
        if (next.lockedUntil) writeSetting(db, 'admin.pinLockedUntil', next.lockedUntil);
        else db.prepare("DELETE FROM settings WHERE key = 'admin.pinLockedUntil'").run();
        return result;
      })(),
  };
}
export const ADMIN_IDLE_MINUTES = 10;

export interface AdminDeps {
  /** The latest deep check from the app's worker: the overview never runs it on the main thread. */
  deep?: () => DeepCheck | null;
  db: Db;
  dataDir: string;
  deviceId: string;
  log: Logger;
  now: () => Date;
  devices: { list(): DeviceStateView[] | Promise<DeviceStateView[]>; selfTest(device?: DeviceKind): Promise<SelfTestResult[]> };
  syncStatus: () => SyncStatus;
  /** Applies a saved configuration: reopen devices, point sync at the new gateway. */
  applyConfig: (config: KioskConfig) => Promise<void>;
  listSerialPorts?: () => Promise<string[]>;
  /** node-hid stand-in for HID reader tests (the device manager gets the same). */
  hidApi?: HidApi;
}

const SIGNED_OUT = new AppError('admin.signed-out', '管理会话已结束，请重新输入 PIN', 'Admin session ended; enter the PIN again');
const BAD_PIN = new AppError('admin.bad-pin', 'PIN 不正确', 'Wrong PIN');

/** Sets (or replaces) the admin PIN; `yzt admin set-pin`. */
export async function setAdminPin(db: Db, pin: string, now: Date): Promise<void> {
  if (!/^\d{4,12}$/.test(pin)) throw new AppError('admin.pin-format', 'PIN 应为 4 到 12 位数字', 'The PIN has 4 to 12 digits');
  const hash = await hashPassword(pin);
  db.transaction(() => {
    writeSetting(db, 'admin.pinHash', hash);
    writeSetting(db, 'admin.pinFailures', '0');
    db.prepare("DELETE FROM settings WHERE key = 'admin.pinLockedUntil'").run();
    appendAudit(db, { at: now.toISOString(), actor: 'admin:cli', action: 'admin.pin.set', subject: null, details: {} });
  })();
}

export class AdminService {
  private readonly sessions = new Map<string, { who: string; lastSeen: number }>();
  private readonly clerks: ClerkSessions;
  /** Status questions and test pages take turns: two openers of one port would split its answers. */
  private printerTurn: Promise<unknown> = Promise.resolve();

  constructor(private readonly d: AdminDeps) {
    this.clerks = new ClerkSessions(d.db, d.now);
  }

  private onPrinter<T>(job: () => Promise<T>): Promise<T> {
    const run = this.printerTurn.then(job);
    this.printerTurn = run.catch(() => undefined);
    return run;
  }

  private audit(who: string, action: string, details: Record<string, unknown> = {}): void {
    appendAudit(this.d.db, { at: this.d.now().toISOString(), actor: who, action, subject: this.d.deviceId, details });
  }

  private open(who: string): AdminSession {
    const token = randomBytes(24).toString('base64url');
    const now = this.d.now().getTime();
    this.sessions.set(token, { who, lastSeen: now });
    this.audit(who, 'admin.signin');
    return { token, who, expiresAt: new Date(now + ADMIN_IDLE_MINUTES * 60_000).toISOString() };
  }

  async signIn(input: { pin: string } | { account: string; password: string }): Promise<AdminSession> {
    if ('account' in input) {
      const s = await this.clerks.signIn(input.account, input.password);
      this.clerks.signOut(s.token);
      if (s.clerk.role !== 'admin') {
        this.audit(`clerk:${s.clerk.account}`, 'admin.signin.forbidden');
        throw new AppError('admin.forbidden', '此账号没有管理员权限', 'This account is not an administrator');
      }
      return this.open(`admin:${s.clerk.account}`);
    }
    const { db } = this.d;
    const at = this.d.now();
    const hash = readSetting(db, 'admin.pinHash');
    if (!hash) throw new AppError('admin.no-pin', '尚未设置管理 PIN：请用命令 yzt admin set-pin 设置，或用管理员账号登录', 'No admin PIN set; run yzt admin set-pin or sign in with an admin account');
    const store = pinLockStore(db);
    const admission = pinGate.admit('admin:pin', store, at);
    if (!admission.admitted) {
      this.audit('admin:pin', 'admin.signin.locked');
      throw lockedError('admin.locked', { zh: 'PIN ', en: 'PIN' }, admission.lockedUntil, PIN_LOCK_MINUTES);
    }
    if (!(await verifyPassword(input.pin, hash))) {
      const settled = pinGate.fail('admin:pin', store, this.d.now());
      this.audit('admin:pin', settled.locked ? 'admin.pin.locked' : 'admin.signin.failed', { failures: settled.failures });
      if (settled.locked) throw lockedError('admin.locked', { zh: 'PIN ', en: 'PIN' }, settled.lockedUntil, PIN_LOCK_MINUTES);
      throw BAD_PIN;
    }
    const cleared = pinGate.succeed('admin:pin', store, this.d.now());
    if (!cleared.admitted) throw lockedError('admin.locked', { zh: 'PIN ', en: 'PIN' }, cleared.lockedUntil, PIN_LOCK_MINUTES);
    return this.open('admin:pin');
  }

  /** The person behind a token; refuses when signed out or idle too long. */
  require(token: string): string {
    const s = this.sessions.get(token);
    const now = this.d.now().getTime();
    if (!s || now - s.lastSeen > ADMIN_IDLE_MINUTES * 60_000) {
      this.sessions.delete(token);
      throw SIGNED_OUT;
    }
    s.lastSeen = now;
    return s.who;
  }

  signOut(token: string): void {
    const s = this.sessions.get(token);
    if (s) this.audit(s.who, 'admin.signout');
    this.sessions.delete(token);
  }

  async overview(token: string): Promise<AdminOverview> {
    this.require(token);
    const { db } = this.d;
    const health = await kioskHealthWithPrinter({
      dbFile: kioskDbFile(this.d.dataDir),
      dataDir: this.d.dataDir,
      now: this.d.now,
      ...(this.d.deep ? { deep: this.d.deep() } : {}),
      printerStatus: (path, baud) => this.onPrinter(() => receiptPrinterStatus(path, baud)),
    });
    return {
      deviceId: this.d.deviceId,
      enrolled: readSetting(db, 'central.deviceSecret') !== undefined,
      config: readKioskConfig(db),
      courts: courtProfiles().map((c) => ({ id: c.id, code: c.code, name: c.name, codeConfirmed: c.codeConfirmed })),
      devices: await this.d.devices.list(),
      health: health.checks.map(({ name, status, message_zh, message_en }) => ({ name, status, message_zh, message_en })),
      sync: this.d.syncStatus(),
      serialPorts: await (this.d.listSerialPorts ?? listSerialPorts)(),
      counterTokenSet: counterTokenSet(db),
    };
  }

  async saveConfig(token: string, config: unknown): Promise<{ saved: true; config: unknown }> {
    const who = this.require(token);
    const r = importKioskConfig(this.d.db, config, (id) => findCourt(id) !== undefined);
    if (!r.ok) throw new AppError('admin.config-invalid', r.message_zh, r.message_en, Object.fromEntries(r.issues.map((i) => [i.split(':')[0] ?? '_', i])));
    this.audit(who, 'admin.config.saved', { courtId: r.config.courtId, reader: r.config.devices.idReader?.transport ?? 'none' });
    await this.d.applyConfig(r.config);
    return { saved: true, config: r.config };
  }

  courtProfile(token: string, courtId: string): CourtProfileView {
    this.require(token);
    return this.profileView(editableProfile(this.d.dataDir, courtId));
  }

  saveCourtProfile(token: string, profile: unknown): SaveCourtProfileResult {
    const who = this.require(token);
    const r = saveCourtProfile(this.d.dataDir, profile);
    if (!r.ok) {
      this.d.log.warn('admin.court-profile.invalid', { issues: r.issues.map((i) => i.path) });
      return r;
    }
    this.audit(who, 'admin.court-profile.saved', { courtId: r.profile.id, code: r.profile.code });
    const view = this.profileView(editableProfile(this.d.dataDir, r.profile.id));
    return { ok: true, view, ...restartNote(view.active) };
  }

  resetCourtProfile(token: string, courtId: string): CourtProfileView {
    const who = this.require(token);
    resetCourtProfile(this.d.dataDir, courtId);
    this.audit(who, 'admin.court-profile.reset', { courtId });
    return this.profileView(editableProfile(this.d.dataDir, courtId));
  }

  setCounterToken(token: string, courtToken: string | null): { set: boolean } {
    const who = this.require(token);
    setCounterToken(this.d.db, courtToken, who, this.d.now());
    return { set: courtToken !== null };
  }

  private profileView(p: EditableProfile): CourtProfileView {
    return { ...p, active: readKioskConfig(this.d.db).courtId === p.profile.id };
  }

  privacy(token: string): PrivacyView {
    this.require(token);
    return readPrivacyView(this.d.db);
  }

  savePrivacy(token: string, purgeAfterDays: number): PrivacyView {
    const who = this.require(token);
    writePurgeAfterDays(this.d.db, purgeAfterDays);
    this.audit(who, 'admin.privacy.saved', { purgeAfterDays });
    return readPrivacyView(this.d.db);
  }

  calendar(token: string): CalendarView {
    this.require(token);
    return calendarView(join(this.d.dataDir, CALENDAR_FILE));
  }

  /** Loads a notice into the kiosk's calendar.json; the deadlines of the next filing use it. */
  importCalendar(token: string, years: unknown): ImportCalendarResult {
    const who = this.require(token);
    const file = join(this.d.dataDir, CALENDAR_FILE);
    const r = importCalendarYears(file, years);
    if (!r.ok) {
      this.d.log.warn('admin.calendar.invalid', { issues: r.issues.length });
      return r;
    }
    this.audit(who, 'admin.calendar.imported', { years: r.years.map((y) => y.year) });
    return { ok: true, view: calendarView(file) };
  }

  async testReader(token: string, target: IdReaderTarget): Promise<ReaderTestResult> {
    const who = this.require(token);
    const current = (await this.d.devices.list()).find((v) => v.device === 'idReader');
    let result: ReaderTestResult;
    if (current?.target === target.path) {
      // The kiosk holds this port open already: ask its driver instead of opening it twice.
      const [t] = await this.d.devices.selfTest('idReader');
      result = t ? { ok: t.ok, message_zh: t.message_zh, message_en: t.message_en } : { ok: false, message_zh: '没有自检结果', message_en: 'No self-test result' };
    } else {
      result = await testReaderOnce(idReaderBinding(target, this.d.hidApi));
    }
    this.audit(who, 'admin.reader.tested', { ok: result.ok, transport: target.transport });
    return result;
  }

  /** Prints a test page; the printer's status is asked first, so paper out is said as such. */
  async testPrinter(token: string, path: string, baudRate: number): Promise<DeviceTestResult> {
    const who = this.require(token);
    const r = await this.onPrinter(() => printReceiptTestPage(path, baudRate, this.d.now()));
    this.audit(who, 'admin.printer.tested', { ok: r.ok, code: r.code });
    this.d.log.info('admin.printer-test', { ok: r.ok, code: r.code });
    return r;
  }

  async testA4(token: string, queue: string | null): Promise<DeviceTestResult> {
    const who = this.require(token);
    const r = await a4TestPage(this.d.dataDir, queue, this.d.now());
    this.audit(who, 'admin.a4.tested', { ok: r.ok, code: r.code, queue });
    this.d.log.info('admin.a4-test', { ok: r.ok, code: r.code });
    return r;
  }

  async enrol(token: string, centralUrl: string, code: string): Promise<{ ok: boolean; message_zh: string; message_en: string }> {
    const who = this.require(token);
    const r = await enrolKiosk(this.d.db, { centralUrl, code });
    this.audit(who, r.ok ? 'admin.enrolled' : 'admin.enrol.failed', r.ok ? { courtId: r.courtId } : { code: r.code });
    if (!r.ok) return { ok: false, message_zh: r.message_zh, message_en: r.message_en };
    writeSetting(this.d.db, 'central.url', centralUrl.replace(/\/+$/, ''));
    await this.d.applyConfig(readKioskConfig(this.d.db));
    return { ok: true, message_zh: `登记成功：本终端已登记到 ${r.courtCode}`, message_en: `Enrolled with court ${r.courtCode}` };
  }
}

// Filing services hold the court they started with, so that one filing is never checked by
// two versions of the rules; the edited profile applies from the next start.
function restartNote(active: boolean): { message_zh: string; message_en: string } {
  return active
    ? { message_zh: '已保存。本终端正在使用此法院配置，重启终端后按新规则审查。', message_en: 'Saved. This kiosk uses this court; the new rules apply after a restart.' }
    : { message_zh: '已保存。', message_en: 'Saved.' };
}

async function listSerialPorts(): Promise<string[]> {
  return (await systemSerialPorts().catch(() => [])).map((p) => p.path);
}

/** Opens a reader (serial or HID) the kiosk does not hold, reads once, and says what happened. */
async function testReaderOnce(binding: ByteBinding): Promise<ReaderTestResult> {
  const reader = new IdCardReader({ binding });
  try {
    const { card } = await reader.readOnce(4000);
    return { ok: true, message_zh: '读卡成功，阅读器工作正常', message_en: 'Card read; the reader works', card: { name: maskPersonName(card.name), idNumberMasked: maskIdNumber(card.idNumber) } };
  } catch (e) {
    const err = e as { code?: string; message_zh?: string; message_en?: string };
    if (err.code === 'no-card') return { ok: true, message_zh: '阅读器已连接并应答，读卡区没有身份证：放一张身份证再试可测试读卡', message_en: 'The reader answers; no card on it (place one to test a read)' };
    return { ok: false, message_zh: err.message_zh ?? '阅读器测试失败', message_en: err.message_en ?? 'Reader test failed' };
  } finally {
    await reader.stop();
  }
}
