/**
 * The part of a kiosk's setup that IT staff export from one kiosk and import on twenty:
 * court, central gateway, devices. Identity and secrets (device id, keys, credentials) are
 * never part of it.
 */
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { readSetting, writeSetting } from '../kiosk/settings.js';
import { purgeAfterDaysSchema } from '../../src-shared/admin/contract.js';
import { storedPurgeAfterDays, writePurgeAfterDays } from '../privacy/purge-settings.js';

const serialPath = z.string().min(1).max(200).regex(/^[^\u0000-\u001f]+$/);

export const kioskConfigSchema = z.strictObject({
  format: z.literal('yzt-kiosk-config'),
  version: z.literal(1),
  courtId: z.string().min(1).max(40),
  centralUrl: z.url({ protocol: /^https?$/ }).nullable(),
  devices: z.strictObject({
    idReader: z
      .strictObject({
        transport: z.enum(['serial', 'hid']),
        path: serialPath,
        baudRate: z.union([z.literal(115200), z.literal(57600), z.literal(38400), z.literal(19200), z.literal(9600)]).default(115200),
        pollIntervalMs: z.number().int().min(100).max(5000).default(500),
        /**
         * HID readers only (path: OS HID path or `vvvv:pppp`): how frames travel in reports.
         * Vendors differ and none documents it; see hardware/hid/framing.ts.
         */
        hid: z
          .strictObject({
            framing: z.enum(['length-prefixed', 'raw-padded']).default('length-prefixed'),
            reportSize: z.number().int().min(2).max(1024).default(64),
            reportId: z.number().int().min(1).max(255).nullable().default(null),
          })
          .optional(),
      })
      .nullable(),
    scanner: z
      .strictObject({ mode: z.enum(['serial', 'keyboard-wedge', 'camera']), path: serialPath.optional(), charset: z.enum(['auto', 'utf-8', 'gb18030']).default('auto') })
      .nullable(),
    receiptPrinter: z.strictObject({ path: serialPath, baudRate: z.number().int().positive().default(9600) }).nullable(),
    /**
     * A4 documents (forms, PDFs of receipts): a CUPS queue printed to with `lp -d`, or only saved
     * as PDF. Optional so configuration files written before it existed still import.
     */
    a4Printer: z
      .strictObject({ mode: z.enum(['cups', 'pdf']), queue: z.string().regex(/^[A-Za-z0-9_.@-]{1,127}$/, { message: 'CUPS 队列名只含字母、数字和 _ . @ -' }).optional() })
      .refine((p) => p.mode === 'pdf' || p.queue !== undefined, { message: '选择 CUPS 打印时须填写队列名', path: ['queue'] })
      .nullable()
      .optional(),
  }),
  /** What the counter calls this kiosk when it calls for staff (「大厅2号机」); optional so older files import. */
  kioskName: z.string().trim().min(1).max(30).regex(/^[^\u0000-\u001f]+$/).optional(),
  /** Days after the central's confirmation that personal data stays; optional so older files import. */
  privacy: z.strictObject({ purgeAfterDays: purgeAfterDaysSchema }).optional(),
});

export type KioskConfig = z.output<typeof kioskConfigSchema>;

export const DEFAULT_DEVICES: KioskConfig['devices'] = { idReader: null, scanner: null, receiptPrinter: null };

export function readKioskConfig(db: Db): KioskConfig {
  const devices = readSetting(db, 'devices.json');
  const purgeAfterDays = storedPurgeAfterDays(db);
  return {
    format: 'yzt-kiosk-config',
    version: 1,
    courtId: readSetting(db, 'court.id') ?? 'jiaozuo-shanyang',
    centralUrl: readSetting(db, 'central.url') ?? null,
    devices: devices ? (JSON.parse(devices) as KioskConfig['devices']) : DEFAULT_DEVICES,
    ...(readSetting(db, 'kiosk.name') ? { kioskName: readSetting(db, 'kiosk.name')! } : {}),
    // Exported once set, so a file from a kiosk on the default still reads as it was written.
    ...(purgeAfterDays !== undefined ? { privacy: { purgeAfterDays } } : {}),
  };
}

export type ImportResult = { ok: true; config: KioskConfig } | { ok: false; message_zh: string; message_en: string; issues: string[] };

/** Validates the whole file before writing anything; writes in one transaction. */
export function importKioskConfig(db: Db, input: unknown, knownCourt: (id: string) => boolean): ImportResult {
  const parsed = kioskConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, message_zh: '配置文件格式不正确，未做任何修改', message_en: 'The configuration file is invalid; nothing was changed', issues };
  }
  const c = parsed.data;
  if (!knownCourt(c.courtId)) {
    return { ok: false, message_zh: `未知的法院配置“${c.courtId}”，未做任何修改`, message_en: `Unknown court profile "${c.courtId}"; nothing was changed`, issues: ['courtId'] };
  }
  db.transaction(() => {
    writeSetting(db, 'court.id', c.courtId);
    if (c.centralUrl) writeSetting(db, 'central.url', c.centralUrl);
    else db.prepare("DELETE FROM settings WHERE key = 'central.url'").run();
    writeSetting(db, 'devices.json', JSON.stringify(c.devices));
    if (c.privacy) writePurgeAfterDays(db, c.privacy.purgeAfterDays);
    if (c.kioskName) writeSetting(db, 'kiosk.name', c.kioskName);
  })();
  return { ok: true, config: c };
}
