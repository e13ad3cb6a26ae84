/** Worker thread: all pixel work (PNG parsing, greyscale, zxing) happens here, never on the caller's thread. */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { PNG } from 'pngjs';
import { ImageShapeError, toGrey, type PixelImage } from '../../src-shared/scan/luminance.js';
import { decodeGreyImage } from '../../src-shared/scan/zxing-decode.js';
import type { DecodeError, WorkerRequest, WorkerResponse } from './decode-protocol.js';

const port = parentPort;
if (!port) throw new Error('decode-worker must run as a worker thread');

class RequestError extends Error {
  constructor(readonly error: DecodeError) {
    super(error.message_en);
  }
}

async function loadPng(path: string): Promise<PixelImage> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new RequestError({ code: 'unreadable-file', message_zh: `无法读取图像文件（${code}）`, message_en: `Cannot read the image file (${code})` });
  }
  try {
    const png = PNG.sync.read(buf);
    return { data: png.data, width: png.width, height: png.height, channels: 4 };
  } catch {
    throw new RequestError({ code: 'unreadable-file', message_zh: '图像文件不是有效的 PNG', message_en: 'The image file is not a valid PNG' });
  }
}

async function handle(req: WorkerRequest): Promise<WorkerResponse> {
  const started = performance.now();
  try {
    const pixels: PixelImage = req.kind === 'file' ? await loadPng(req.path) : req;
    const grey = toGrey(pixels);
    const out = decodeGreyImage(grey, req.opts);
    return { id: req.id, ok: true, symbols: out.symbols, attempts: out.attempts, width: grey.width, height: grey.height, ms: performance.now() - started };
  } catch (e) {
    const error: DecodeError =
      e instanceof RequestError
        ? e.error
        : e instanceof ImageShapeError
          ? { code: 'bad-image', message_zh: e.message_zh, message_en: e.message_en }
          : { code: 'worker-failed', message_zh: '条码识别出错，请重试', message_en: `Barcode decoding failed: ${(e as Error).message}` };
    return { id: req.id, ok: false, error, ms: performance.now() - started };
  }
}

port.on('message', (req: WorkerRequest) => {
  void handle(req).then((res) => port.postMessage(res));
});
