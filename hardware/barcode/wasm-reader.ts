/**
 * zxing-wasm (zxing-cpp compiled to WebAssembly) as the page decoder on the Node side. Its wasm
 * ships inside the npm package and is loaded from node_modules (never its CDN default), so the
 * kiosk decodes offline. Measured against @zxing/library in bench/barcode.bench.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes, type ReadResult, type ReaderOptions } from 'zxing-wasm/reader';
import type { GreyImage } from '../../src-shared/scan/luminance.js';
import type { FormatName } from '../../src-shared/scan/zxing-decode.js';

const WASM_FORMAT: Record<FormatName, 'QRCode' | 'DataMatrix' | 'PDF417' | 'Code128'> = {
  qr: 'QRCode',
  datamatrix: 'DataMatrix',
  pdf417: 'PDF417',
  code128: 'Code128',
};

export function formatOf(wasmFormat: string): FormatName | undefined {
  for (const [name, w] of Object.entries(WASM_FORMAT)) if (wasmFormat === w || wasmFormat.startsWith(w)) return name as FormatName;
  if (wasmFormat.startsWith('QR')) return 'qr';
  return undefined;
}

let ready: Promise<unknown> | undefined;

export function loadWasmReader(): Promise<unknown> {
  ready ??= (async () => {
    const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
    const bin = readFileSync(path);
    const wasmBinary = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return ready;
}

/**
 * zxing-wasm takes RGBA (ImageData's shape) and turns it back into grey itself; one 32-bit
 * store per pixel keeps that round trip cheap on the small images this is called with.
 */
function asRgba(img: GreyImage): { data: Uint8ClampedArray; width: number; height: number } {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  const u32 = new Uint32Array(out.buffer);
  const src = img.data;
  for (let i = 0; i < src.length; i++) u32[i] = 0xff000000 | ((src[i] as number) * 0x010101);
  return { data: out, width: img.width, height: img.height };
}

export interface WasmReadOptions {
  maxResults: number;
  tryHarder: boolean;
  /** zxing-cpp's default is LocalAverage; FixedThreshold reads what a seal's ring spoils for it. */
  binarizer?: 'LocalAverage' | 'FixedThreshold';
}

function readerOptions(formats: readonly FormatName[], opts: WasmReadOptions): ReaderOptions {
  return {
    formats: formats.map((f) => WASM_FORMAT[f]),
    tryHarder: opts.tryHarder,
    binarizer: opts.binarizer ?? 'LocalAverage',
    tryRotate: true,
    tryInvert: false,
    // Our own pyramid picks the level; zxing-cpp's would decode full size first.
    tryDownscale: false,
    maxNumberOfSymbols: opts.maxResults,
    // Raw bytes come back in `bytes`; the project's charset recovery reads them (charset.ts).
    textMode: 'Plain',
  };
}

export async function wasmRead(img: GreyImage, formats: readonly FormatName[], opts: WasmReadOptions): Promise<ReadResult[]> {
  await loadWasmReader();
  const options = readerOptions(formats, opts);
  const results = await readBarcodes(asRgba(img) as unknown as Parameters<typeof readBarcodes>[0], options);
  return results.filter((r) => r.isValid);
}
