/** Each code-likeness term answers for its own symbology and not for the page's clutter. */
import { describe, expect, test } from 'vitest';
import { likenessTerms } from '../../../src-shared/scan/code-likeness.js';
import type { GreyImage } from '../../../src-shared/scan/luminance.js';
import { makePage, renderSymbol } from '../../fixtures/barcode/page-gen.js';

const whole = (img: GreyImage) => ({ left: 0, top: 0, width: img.width, height: img.height });

/** A symbol alone on scanner paper, turned a little, as the region finder would box it. */
function onPaper(symbol: GreyImage, angleDeg: number): GreyImage {
  const size = Math.max(symbol.width, symbol.height) + 60;
  return makePage({ width: size, height: size, seed: 3, noise: 6, textLines: false, placements: [{ symbol, cx: size / 2, cy: size / 2, angleDeg }] });
}

describe('likenessTerms', () => {
  test('a QR shows its three finder patterns, even turned 35 degrees', () => {
    const qr = renderSymbol({ kind: 'qrcode', payload: 'https://wenshu.court.gov.cn/x?docId=8f3a91c2', module: 4 });
    expect(likenessTerms(onPaper(qr, 35), whole(onPaper(qr, 35))).finder).toBe(1);
  });

  test('a Data Matrix shows its L and timing sides; a QR does not', () => {
    const dm = onPaper(renderSymbol({ kind: 'datamatrix', payload: '（2024）豫0811民初123号', module: 4 }), 1);
    const qr = onPaper(renderSymbol({ kind: 'qrcode', payload: '（2024）豫0811民初123号', module: 4 }), 1);
    expect(likenessTerms(dm, whole(dm)).dmBorder).toBe(1);
    expect(likenessTerms(qr, whole(qr)).dmBorder).toBeLessThan(1);
  });

  test('a Code 128 has coherent bars; a QR does not', () => {
    const bars = onPaper(renderSymbol({ kind: 'code128', payload: 'YZT482913', module: 2, barHeight: 100 }), 1);
    const qr = onPaper(renderSymbol({ kind: 'qrcode', payload: 'YZT482913', module: 4 }), 0);
    expect(likenessTerms(bars, whole(bars)).bars).toBeGreaterThan(0.8);
    expect(likenessTerms(qr, whole(qr)).bars).toBeLessThan(0.3);
  });

  test('print on paper has full contrast; the same code in a seal\'s mid-grey has little', () => {
    const qr = onPaper(renderSymbol({ kind: 'qrcode', payload: 'YZT482913', module: 4 }), 0);
    const grey = { ...qr, data: qr.data.map((v) => (v < 128 ? 110 : v)) };
    expect(likenessTerms(qr, whole(qr)).contrast).toBe(1);
    expect(likenessTerms(grey, whole(grey)).contrast).toBeLessThan(0.5);
  });

  test('body text shows no finder, no Data Matrix border and no bars', () => {
    const page = makePage({ width: 1600, height: 800, seed: 9, noise: 6, textLines: true, placements: [] });
    const t = likenessTerms(page, { left: 250, top: 250, width: 600, height: 300 });
    expect(t.finder).toBeLessThan(1);
    expect(t.dmBorder).toBeLessThan(1);
    expect(t.bars).toBeLessThan(0.5);
  });
});
