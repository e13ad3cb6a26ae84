/**
 * Web Worker decoding camera frames with the same zxing strategy and charset handling as the
 * Node side (src-shared/scan), so the page never stalls while zxing runs.
 */
import { toGrey } from '../../src-shared/scan/luminance.js';
import { decodeGreyImage, type DecodeOptions } from '../../src-shared/scan/zxing-decode.js';
import type { FrameRequest, FrameResponse } from './camera-protocol.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<FrameRequest>) => void) | null; postMessage(m: FrameResponse): void };

scope.onmessage = (e) => {
  const req = e.data;
  const started = performance.now();
  try {
    const opts: DecodeOptions = { maxResults: 4 };
    if (req.formats) opts.formats = req.formats;
    if (req.charset) opts.charset = req.charset;
    const out = decodeGreyImage(toGrey({ data: req.data, width: req.width, height: req.height, channels: 4 }), opts);
    scope.postMessage({ id: req.id, ok: true, symbols: out.symbols, ms: performance.now() - started });
  } catch (err) {
    scope.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.name : 'error', ms: performance.now() - started });
  }
};
