/**
 * The counter's scan upload reads the codes on the signed record (any page, any scan format)
 * and refuses a file that is no readable scan before anything is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBarcodeDecoder } from '../../../hardware/barcode/decoder.js';
import { findCourt } from '../../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type FilingView } from '../../../src-shared/domain/filing.js';
import { encodeText } from '../../../src-shared/scan/gbk-encode.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { APPLICANT, draft } from '../../support/fixtures.js';
import { fixedClock } from '../../support/tmp.js';
import { makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';
import { greyJpeg, greyTiff } from '../../fixtures/barcode/scan-files.js';
import { counterBench, RECEPTION, refused, type CounterBench } from './support.js';

const CASE = '（2024）豫0811民初123号';
const dataUrl = (mime: string, bytes: Uint8Array): string => `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;

function signedPage(withCode: boolean): ReturnType<typeof makePage> {
  const qr = renderSymbol({ kind: 'qrcode', payload: encodeText(CASE, 'gbk'), module: 4 });
  return makePage({ width: 900, height: 1270, seed: 4, noise: 5, placements: withCode ? [{ symbol: qr, cx: 760, cy: 1100, angleDeg: 0 }] : [] });
}

describe('counter scan upload reads codes', () => {
  const clock = fixedClock('2026-11-23T09:30:00+08:00');
  const decoder = createBarcodeDecoder();
  const logLines: string[] = [];
  let bench: CounterBench;
  let filing: FilingView;
  let token: string;

  beforeAll(async () => {
    bench = counterBench({ court: findCourt('jiaozuo-shanyang')!, now: clock.now, scans: decoder, log: createLogger({ sink: logLines }) });
    filing = bench.filings.submit(filingDraftSchema.parse(draft()), APPLICANT);
    token = await bench.clerk('li', 'reception');
    bench.counter.saveReception(token, filing.id, RECEPTION);
    await bench.counter.printReception(token, filing.id);
  });
  afterAll(async () => {
    await decoder.close();
    await bench.close();
  });

  it('a two-page TIFF: the code on page 2 is read, the case number given, the scan kept', async () => {
    const d = await bench.counter.attachScan(token, filing.id, dataUrl('image/tiff', greyTiff([signedPage(false), signedPage(true)])));
    expect(d.scanCodes).toEqual([{ text: CASE, format: 'qr', page: 2, caseNumber: CASE }]);
    expect(d.reception?.scanSha256).toMatch(/^[0-9a-f]{64}$/);
    // The payload may name a party: the log has counts, never the text.
    expect(logLines.join('\n')).not.toContain('豫0811');
  });

  it('a JPEG without codes is kept, with nothing read', async () => {
    const d = await bench.counter.attachScan(token, filing.id, dataUrl('image/jpeg', greyJpeg(signedPage(false))));
    expect(d.scanCodes).toEqual([]);
  });

  it('a cut-off JPEG is refused with a plain message and the earlier scan stays', async () => {
    const before = (await bench.counter.attachScan(token, filing.id, dataUrl('image/jpeg', greyJpeg(signedPage(true))))).reception?.scanSha256;
    const cut = greyJpeg(signedPage(true)).subarray(0, 2000);
    const e = await refused(() => bench.counter.attachScan(token, filing.id, dataUrl('image/jpeg', cut)));
    expect([e.code, e.message_zh]).toEqual(['scan.bad-file', 'JPG 文件已损坏或不完整，请重新扫描']);
    expect(bench.counter.detail(token, filing.id).reception?.scanSha256).toBe(before);
  });

  it('a file whose content is not what its type says is refused', async () => {
    const e = await refused(() => bench.counter.attachScan(token, filing.id, dataUrl('image/tiff', greyJpeg(signedPage(false)))));
    expect(e.code).toBe('counter.bad-scan');
    expect(e.message_zh).toContain('TIFF');
  });
});
