/** Worker thread: all pixel work (file parsing, greyscale, zxing) happens here, never on the caller's thread. */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { ImageShapeError, toGrey, type GreyImage } from '../../src-shared/scan/luminance.js';
import { decodeGreyImage } from '../../src-shared/scan/zxing-decode.js';
import type { DecodeError, PageSymbol, WorkerDecodeOptions, WorkerRequest, WorkerResponse } from './decode-protocol.js';
import { decodePage } from './page-decode.js';
import { scanPageLevels, ScanFileError, type ScanPage } from './scan-file.js';

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

function symbolKey(s: PageSymbol): string {
  return `${s.format}\u0000${s.text}`;
}

/**
 * A page read at its reduced level first (a JPEG decoded at 1/2 for a 300-dpi page): most codes
 * are found there, and the full-size decode is skipped. Only when fewer codes than wanted are
 * found is the page decoded at full size and read again, without repeating the whole-page read
 * the reduced level already stood for. `exhaustive` wants every step at full size: no shortcut.
 */
async function decodeScanPage(page: ScanPage, opts: WorkerDecodeOptions): Promise<{ symbols: PageSymbol[]; attempts: number }> {
  if (!page.reduced || opts.engine === 'js' || opts.exhaustive) return decodeOne(await page.full(), opts);
  const wanted = opts.maxResults ?? 1;
  const { image, level } = await page.reduced();
  const first = await decodePage(image, { ...opts, level });
  const reducedFound = first.symbols.map((s) => ({ ...s, page: 1 }));
  if (reducedFound.length >= wanted) return { symbols: reducedFound, attempts: first.attempts };
  const full = await decodePage(await page.full(), { ...opts, wholeScalesDone: [level] });
  const symbols = full.symbols.map((s) => ({ ...s, page: 1 }));
  const have = new Set(symbols.map(symbolKey));
  for (const s of reducedFound) if (symbols.length < wanted && !have.has(symbolKey(s))) symbols.push(s);
  return { symbols, attempts: first.attempts + full.attempts };
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
    const symbols: PageSymbol[] = [];
    let attempts = 0;
    let pages = 0;
    let size = { width: 0, height: 0 };
    // Every page until enough codes are found: the code may be on the last page of a judgment.
    for await (const page of scanPageLevels(bytes)) {
      pages++;
      size = { width: page.width, height: page.height };
      const out = await decodeScanPage(page, { ...req.opts, maxResults: wanted - symbols.length });
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
