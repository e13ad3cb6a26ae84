/** Worker thread: all pixel work (file parsing, greyscale, zxing) happens here, never on the caller's thread. */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { ImageShapeError, toGrey, type GreyImage } from '../../src-shared/scan/luminance.js';
import { ALL_FORMATS, decodeGreyImage } from '../../src-shared/scan/zxing-decode.js';
import type { DecodeError, PageSymbol, WorkerDecodeOptions, WorkerRequest, WorkerResponse } from './decode-protocol.js';
import { decodePage, toSymbol } from './page-decode.js';
import { scanPages, ScanFileError } from './scan-file.js';
import { jpegComplete, sniffScan } from './scan-kind.js';
import { wasmReadEncoded } from './wasm-reader.js';
import { nativeJpeg } from './native-jpeg.js';

const port = parentPort;
if (!port) throw new Error('decode-worker must run as a worker thread');

class RequestError extends Error {
  constructor(readonly error: DecodeError) {
    super(error.message_en);
  }
}

async function readScan(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new RequestError({ code: 'unreadable-file', message_zh: `无法读取图像文件（${code}）`, message_en: `Cannot read the image file (${code})` });
  }
}

async function decodeOne(grey: GreyImage, opts: WorkerDecodeOptions): Promise<{ symbols: PageSymbol[]; attempts: number }> {
  if (opts.engine === 'js') {
    // zxing-js keeps its own default of many symbols a page; the page strategy asks for one.
    const out = decodeGreyImage(grey, { ...opts, maxResults: opts.maxResults ?? 1 });
    return { symbols: out.symbols.map((s) => ({ ...s, page: 1 })), attempts: out.attempts };
  }
  const out = await decodePage(grey, opts);
  return { symbols: out.symbols.map((s) => ({ ...s, page: 1 })), attempts: out.attempts };
}

/** Without a native JPEG decoder, zxing-wasm's own reads the file first: jpeg-js is slow (see wasmReadEncoded). */
async function firstTryJpeg(bytes: Uint8Array, opts: WorkerDecodeOptions, wanted: number): Promise<PageSymbol[]> {
  try {
    const results = await wasmReadEncoded(bytes, opts.formats && opts.formats.length > 0 ? opts.formats : ALL_FORMATS, { maxResults: wanted });
    return results.flatMap((r) => {
      const s = toSymbol(r, opts.charset ?? 'auto', 1, { left: 0, top: 0 }, 'jpeg file');
      return s ? [{ ...s, page: 1 }] : [];
    });
  } catch {
    // A file stb_image cannot read still gets jpeg-js, which says clearly what is wrong.
    return [];
  }
}

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  const started = performance.now();
  try {
    if (req.kind === 'pixels') {
      const grey = toGrey(req);
      const out = await decodeOne(grey, req.opts);
      return { id: req.id, ok: true, ...out, pages: 1, width: grey.width, height: grey.height, ms: performance.now() - started };
    }
    const bytes = req.kind === 'file' ? await readScan(req.path) : req.data;
    const wanted = req.opts.maxResults ?? 1;
    if (req.opts.engine !== 'js' && !req.opts.exhaustive && sniffScan(bytes) === 'jpeg' && jpegComplete(bytes) && !(await nativeJpeg())) {
      const quick = await firstTryJpeg(bytes, req.opts, wanted);
      if (quick.length >= wanted) return { id: req.id, ok: true, symbols: quick, attempts: 1, pages: 1, width: 0, height: 0, ms: performance.now() - started };
    }
    const symbols: PageSymbol[] = [];
    let attempts = 0;
    let pages = 0;
    let size = { width: 0, height: 0 };
    // Every page until enough codes are found: the code may be on the last page of a judgment.
    for await (const grey of scanPages(bytes)) {
      pages++;
      size = { width: grey.width, height: grey.height };
      const out = await decodeOne(grey, { ...req.opts, maxResults: wanted - symbols.length });
      attempts += out.attempts;
      symbols.push(...out.symbols.map((s) => ({ ...s, page: pages })));
      if (!req.opts.exhaustive && symbols.length >= wanted) break;
    }
    return { id: req.id, ok: true, symbols, attempts, pages, ...size, ms: performance.now() - started };
  } catch (e) {
    const error: DecodeError =
      e instanceof RequestError
        ? e.error
        : e instanceof ScanFileError
          ? { code: e.code, message_zh: e.message_zh, message_en: e.message_en }
          : e instanceof ImageShapeError
            ? { code: 'bad-image', message_zh: e.message_zh, message_en: e.message_en }
            : { code: 'worker-failed', message_zh: '条码识别出错，请重试', message_en: `Barcode decoding failed: ${(e as Error).message}` };
    return { id: req.id, ok: false, error, ms: performance.now() - started };
  }
}

port.on('message', (req: WorkerRequest) => {
  void handle(req).then((res) => port.postMessage(res));
});
