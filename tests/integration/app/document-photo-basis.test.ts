/**
 * A page photographed with the document camera (document.add) is read for its code before it
 * is kept: a case number on it comes back for the applicant to confirm; a photo that is no
 * readable image is refused with a plain message (the precise one in the log) and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../src-main/db/open.js';
import { importKioskConfig } from '../../../src-main/admin/kiosk-config.js';
import { startKioskApp, type KioskApp } from '../../../src-main/app/kiosk-app.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import { greyToPng, makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';
import { greyJpeg } from '../../fixtures/barcode/scan-files.js';
import { tempDir } from '../../support/tmp.js';

const CASE = '（2025）豫0802民初4567号';
const jpegUrl = (bytes: Uint8Array): string => `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`;

function photo(withCode: boolean): ReturnType<typeof makePage> {
  const qr = renderSymbol({ kind: 'qrcode', payload: encodeText(CASE, 'gbk'), module: 5 });
  return makePage({ width: 1200, height: 1600, seed: 11, noise: 8, placements: withCode ? [{ symbol: qr, cx: 1000, cy: 1400, angleDeg: 7 }] : [] });
}

describe('document camera pages are read for a basis number', () => {
  const dir = tempDir();
  const logLines: string[] = [];
  let app: KioskApp;
  const stored = (): number => app.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

  beforeAll(async () => {
    const dataDir = join(dir.path, 'kiosk');
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'), 'kiosk');
    importKioskConfig(db, { format: 'yzt-kiosk-config', version: 1, courtId: 'jiaozuo-shanyang', centralUrl: null, devices: { idReader: null, scanner: null, receiptPrinter: null } }, () => true);
    db.close();
    app = await startKioskApp({ dataDir, shell: 'host', log: createLogger({ sink: logLines }) });
  });
  afterAll(async () => {
    await app?.close();
    dir.cleanup();
  });

  it('a JPEG photo with a GBK QR: kept, and its case number offered', async () => {
    const r = await app.handlers['document.add']({ kind: 'basis', dataUrl: jpegUrl(greyJpeg(photo(true))) });
    expect(r).toMatchObject({ basisNumber: CASE });
    expect(r.bytes).toBeGreaterThan(0);
    expect(stored()).toBe(1);
    expect(logLines.join('\n')).not.toContain('4567');
  });

  it('a PNG photo without a code: kept, nothing offered', async () => {
    const r = await app.handlers['document.add']({ kind: 'evidence', dataUrl: `data:image/png;base64,${greyToPng(photo(false)).toString('base64')}` });
    expect(r.basisNumber).toBeUndefined();
    expect(stored()).toBe(2);
  });

  it('a cut-off photo is refused with a plain message and not stored', async () => {
    const cut = greyJpeg(photo(true)).subarray(0, 3000);
    const e = await Promise.resolve()
      .then(() => app.handlers['document.add']({ kind: 'basis', dataUrl: jpegUrl(cut) }))
      .then(
        () => null,
        (x: unknown) => x,
      );
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message_zh).toBe('照片没有拍好，请重新拍摄');
    expect(stored()).toBe(2);
    // The precise reason goes to the log.
    expect(logLines.join('\n')).toContain('no end-of-image marker');
  });
});
