/**
 * A document camera for Chromium's fake capture device: a .y4m whose frames show a page with a
 * QR code (Chromium loops the file). Frames come from the barcode fixtures' page generator.
 */
import { writeFileSync } from 'node:fs';
import { makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';
import { y4m } from '../../fixtures/barcode/y4m.js';

/** Writes the .y4m to `path` and returns the Chromium flag that plays it. */
export function fakeCameraShowingQr(path: string, payload: string): string {
  const qr = renderSymbol({ kind: 'qrcode', payload: new TextEncoder().encode(payload), module: 5 });
  const frame = makePage({ width: 640, height: 480, textLines: false, noise: 4, seed: 3, placements: [{ symbol: qr, cx: 320, cy: 240, angleDeg: 6 }] });
  writeFileSync(path, y4m(frame, 3));
  return `--use-file-for-fake-video-capture=${path}`;
}
