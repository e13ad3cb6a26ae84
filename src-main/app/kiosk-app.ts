/**
 * Composition root of the kiosk: database, settings, session, card reader, filings and sync,
 * wired to the contract's handlers and event bus. Both shells (Electron and host) start the
 * kiosk through here, so they run the same services.
 */
import { kioskDbFile } from '../paths.js';
import { join } from 'node:path';
import type { ApiHandlers } from '../../src-shared/api/contract.js';
import { findCourt } from '../../src-shared/courts/court-profile.js';
import type { Db } from '../db/open.js';
import { openKioskDb } from '../sync/kiosk-db-check.js';
import { IntegrityMonitor } from '../db/integrity-monitor.js';
import { walCheckpoints } from '../db/wal-checkpointer.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { Logger } from '../log/logger.js';
import { FilingService } from '../filings/filing-service.js';
import { StoredClient } from '../sync/stored-client.js';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol.js';
import { SyncEngine, type SyncOptions } from '../sync/sync-engine.js';
import { DEFAULT_HEARTBEAT_MS, Heartbeat } from '../sync/heartbeat.js';
import { loadKioskSettings, readSetting } from '../kiosk/settings.js';
import { dropHeldDocuments, dropStaleDocuments } from '../filings/document-store.js';
import { idleSettings } from '../kiosk/idle-settings.js';
import { purgeExpiredDrafts } from '../filings/draft-store.js';
import { startPurgeScheduler } from '../privacy/purge-scheduler.js';
import { ReceiptService } from '../printing/receipt-service.js';
import { KioskSession } from '../kiosk/session.js';
import { EventBus } from '../kiosk/event-bus.js';
import type { CardReaderPort } from '../devices/card-reader-port.js';
import { DeviceManager, type DeviceManagerOptions } from '../devices/device-manager.js';
import { understandPayload } from '../../src-shared/scan/payload.js';
import type { IdReaderTarget } from '../devices/id-reader-device.js';
import { readKioskConfig } from '../admin/kiosk-config.js';
import { installCourtProfilesFile } from '../courts/profiles-file.js';
import { CALENDAR_FILE, installCalendarFile } from '../calendar/calendar-file.js';
import { COURTS_FILE } from '../courts/profile-editing.js';
import { AdminService } from '../admin/admin-service.js';
import { adminHandlers } from '../admin/admin-handlers.js';
import { kioskHandlers } from './kiosk-handlers.js';
import { createBarcodeDecoder } from '../../hardware/barcode/decoder.js';
import { HandwritingRecognizer } from '../handwriting/handwriting-recognizer.js';
import { handwritingHandlers } from '../handwriting/handwriting-handlers.js';
import { startCounter } from '../counter/start-counter.js';
import { APP_VERSION } from './version.js';
import { SpeechService } from '../speech/speech-service.js';
import { startHelp } from '../help/start-help.js';
import { applicantReaderState } from '../devices/applicant-reader-state.js';

export interface KioskAppOptions {
  dataDir: string;
  shell: 'electron' | 'host';
  log: Logger;
  courtId?: string;
  centralUrl?: string;
  /**
   * The ID card reader: a port ({ transport, path }) or a driver; `undefined` opens the one
   * configured in the kiosk settings, null none.
   */
  reader?: CardReaderPort | IdReaderTarget | null | undefined;
  /** Serial port of the ESC/POS receipt printer (else setting printer.path; none: PDF only). */
  printerPath?: string | null;
  now?: () => Date;
  sync?: Partial<Pick<SyncOptions, 'baseDelayMs' | 'maxDelayMs' | 'watchdogMs' | 'batchCount' | 'batchBytes'>>;
  /** Heartbeat to the central (else setting heartbeat.intervalSeconds, else 60 s). */
  heartbeatMs?: number;
  /** Device timings (tests shorten them). */
  deviceTimings?: DeviceManagerOptions['timings'];
}

export interface KioskApp {
  handlers: ApiHandlers;
  bus: EventBus;
  db: Db;
  sync: SyncEngine;
  session: KioskSession;
  /** The deep check's worker: admin and tests may ask for a run now. */
  integrity: IntegrityMonitor;
  close(): Promise<void>;
}

export async function startKioskApp(opts: KioskAppOptions): Promise<KioskApp> {
  const now = opts.now ?? (() => new Date());
  // A corrupted database, or one from a newer app, stops the kiosk with a message for IT
  // staff; restoring a backup is then safe (sync renumbers, the central keeps numbers by UUID).
  const opened = openKioskDb(kioskDbFile(opts.dataDir));
  if (!opened.ok) throw new AppError(opened.problem.code, opened.problem.message_zh, opened.problem.message_en);
  const db = opened.db;
  const overrides: { courtId?: string; centralUrl?: string } = {};
  if (opts.courtId) overrides.courtId = opts.courtId;
  if (opts.centralUrl) overrides.centralUrl = opts.centralUrl;
  const settings = loadKioskSettings(db, overrides);
  try {
    installCourtProfilesFile(join(opts.dataDir, COURTS_FILE));
    installCalendarFile(join(opts.dataDir, CALENDAR_FILE));
  } catch (e) {
    db.close();
    throw e;
  }
  const court = findCourt(settings.courtId);
  if (!court) {
    db.close();
    throw new Error(`unknown court profile "${settings.courtId}"; see \`yzt courts list\``);
  }
  const log = opts.log.child({ deviceId: settings.deviceId });
  const bus = new EventBus();
  const session = new KioskSession(bus);

  const sync = new SyncEngine({ db, deviceId: settings.deviceId, courtCode: court.code, centralUrl: settings.centralUrl, log, now, calendarFile: join(opts.dataDir, CALENDAR_FILE), ...opts.sync });
  sync.on('filing.updated', (v) => bus.emit('filing.updated', { id: v.id }));
  sync.on('status', (s) => bus.emit('sync.status', s));

  const filings = new FilingService({
    db,
    deviceId: settings.deviceId,
    court,
    applicantKeySecret: settings.applicantKeySecret,
    now,
    log,
    onSubmitted: () => sync.kick('queued'),
  });

  // Resolved when the devices open, not per receipt: admin mode changes the printer only
  // through applyConfig, which reopens them.
  let receiptPrinter: { path: string; baudRate: number } | null = null;
  // Devices are reopened when IT staff save a new configuration in admin mode.
  const openDevices = async (reader: KioskAppOptions['reader']): Promise<DeviceManager> => {
    const configured = readKioskConfig(db).devices;
    const printerPath = opts.printerPath ?? readSetting(db, 'printer.path') ?? configured.receiptPrinter?.path ?? null;
    receiptPrinter = printerPath ? { path: printerPath, baudRate: configured.receiptPrinter?.baudRate ?? 9600 } : null;
    const m = new DeviceManager({
      devices: configured,
      ...(reader !== undefined ? { reader } : {}),
      printerPath,
      log,
      now,
      ...(opts.deviceTimings ? { timings: opts.deviceTimings } : {}),
    });
    m.on('reader.state', (s) => {
      log.info('reader.state', { state: s.state, code: (s as { code?: string }).code });
      bus.emit('reader.state', applicantReaderState(s));
    });
    m.on('state', (v) => bus.emit('devices.state', v));
    m.on('scan', (scan) =>
      bus.emit('scanner.scan', { reading: understandPayload(scan.text, { now: now() }), charset: scan.charset, charsetConfident: scan.charsetConfident }),
    );
    m.reader?.on('placed', (card) => session.cardPlaced(card));
    m.reader?.on('removed', () => session.cardRemoved());
    await m.start();
    return m;
  };
  let devices = await openDevices(opts.reader);
  // Whatever a person photographed and did not file or save leaves with them (issue 6, privacy).
  bus.on('session.ended', ({ sessionId }) => {
    const dropped = dropHeldDocuments(db, sessionId);
    if (dropped) log.info('documents.wiped', { count: dropped });
  });
  const draftKeepMinutes = Number(readSetting(db, 'draft.keepMinutes') ?? 72 * 60);
  const purge = () => {
    const n = purgeExpiredDrafts(db, now());
    if (n) log.info('drafts.expired', { count: n });
    const stale = dropStaleDocuments(db, session.sessionId, new Date(now().getTime() - 60 * 60_000));
    if (stale) log.info('documents.stale-wiped', { count: stale });
  };
  // The first run waits for the next turn, like the privacy purge: after a power cut it may
  // zero many photographs (secure_delete), and the kiosk window should not wait for that.
  const firstPurge = setImmediate(purge);
  const purgeTimer = setInterval(purge, 10 * 60_000);
  purgeTimer.unref();
  // Personal data of confirmed filings leaves the kiosk (setting privacy.purgeAfterDays).
  const privacy = startPurgeScheduler({ db, log, now });
  const receipts = new ReceiptService({ dataDir: opts.dataDir, court, log, printer: () => receiptPrinter, now });

  // Every page and the audit chain are checked in a worker: at a million filings that took the
  // main thread 20-60 s at start. A damaged database found there stops new filings at once.
  const integrity = new IntegrityMonitor({ dbFile: kioskDbFile(opts.dataDir), log });
  let damaged: 'database' | 'audit' | 'unreadable' | null = null;
  integrity.on('problem', (what) => {
    damaged = what;
    log.error('kiosk.db-damaged', { what });
  });
  integrity.start();
  // Checkpoints too: inside a commit they tripled the cost of applying a push answer.
  const wal = walCheckpoints.register(db, { file: kioskDbFile(opts.dataDir), schema: 'kiosk', log });

  sync.start();
  const heartbeatSeconds = Number(readSetting(db, 'heartbeat.intervalSeconds'));
  const heartbeat = new Heartbeat({
    db,
    dbFile: kioskDbFile(opts.dataDir),
    dataDir: opts.dataDir,
    appVersion: APP_VERSION,
    log,
    now,
    intervalMs: opts.heartbeatMs ?? (heartbeatSeconds >= 5 ? heartbeatSeconds * 1000 : DEFAULT_HEARTBEAT_MS),
    deep: () => integrity.latest,
  });
  heartbeat.start();
  log.info('kiosk.started', { courtId: court.id, shell: opts.shell, central: settings.centralUrl ?? 'none' });

  let centralUrl = settings.centralUrl;
  const admin = new AdminService({
    db,
    dataDir: opts.dataDir,
    deviceId: settings.deviceId,
    log,
    now,
    devices: { list: () => devices.list(), selfTest: (d) => devices.selfTest(d) },
    syncStatus: () => sync.status(),
    deep: () => integrity.latest,
    applyConfig: async (config) => {
      await devices.stop();
      devices = await openDevices(undefined);
      sync.setCentralUrl(config.centralUrl);
      centralUrl = config.centralUrl;
    },
  });
  const speech = new SpeechService({ log });
  bus.on('session.ended', () => speech.stop());
  // One decoder (one worker thread) for the document camera's pages and the counter's scans.
  const scans = createBarcodeDecoder({ log: (line) => log.debug('barcode', { line }) });
  const counter = startCounter({ db, court, deviceId: settings.deviceId, now, log, applicantKey: (id) => filings.applicantKey(id), handover: { filings, secret: settings.applicantKeySecret }, scans, onChanged: (filingIds) => bus.emit('counter.changed', { filingIds }) });
  const help = startHelp({ db, deviceId: settings.deviceId, court, log, now, bus, centralUrl: () => centralUrl, sessions: counter.service.sessions });
  const applicantHandlers = kioskHandlers({
    db,
    info: { deviceId: settings.deviceId, courtName: court.name, courtCode: court.code, version: APP_VERSION, shell: opts.shell, idle: idleSettings(db) },
    session,
    filings,
    sync,
    readerState: () => applicantReaderState(devices.readerState()),
    now,
    applicantKeySecret: settings.applicantKeySecret,
    draftKeepMinutes: Number.isFinite(draftKeepMinutes) && draftKeepMinutes > 0 ? draftKeepMinutes : 72 * 60,
    receipts,
    central: new StoredClient(db, { centralUrl: () => settings.centralUrl ?? null, protocol: PROTOCOL_VERSION, now, timeoutMs: 3000 }),
    log,
    scans,
  });
  const handlers: ApiHandlers = {
    ...counter.handlers,
    ...help.handlers,
    ...adminHandlers(admin),
    'devices.list': () => devices.list(),
    'devices.selfTest': ({ device }) => devices.selfTest(device),
    ...handwritingHandlers(new HandwritingRecognizer(log)),
    'speech.say': ({ text, lang }) => speech.say(text, lang),
    ...applicantHandlers,
    // A database found damaged takes no new filings: what it already holds stays for IT to restore.
    'filing.submit': (draft) => {
      if (damaged === 'database' || damaged === 'unreadable') {
        throw new AppError('kiosk.out-of-service', '本机暂时不能受理申请，请到窗口办理或呼叫工作人员', 'This kiosk cannot take applications just now; please go to the counter or call staff');
      }
      return applicantHandlers['filing.submit'](draft);
    },
  };

  return {
    handlers,
    bus,
    db,
    sync,
    session,
    integrity,
    async close() {
      clearImmediate(firstPurge);
      clearInterval(purgeTimer);
      privacy.stop();
      await integrity.stop();
      await counter.close();
      await scans.close();
      await help.close();
      await receipts.close();
      await heartbeat.stop();
      await sync.stop();
      await devices.stop();
      session.end('shutdown');
      await wal.unregister();
      db.close();
    },
  };
}
