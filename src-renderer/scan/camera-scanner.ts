/**
 * Document-camera scanning in the renderer: frames from getUserMedia are grabbed a few times a
 * second and decoded in a Web Worker (@zxing/library via src-shared/scan). A frame is only
 * sent when the worker is idle, so a slow decode drops frames instead of queueing them.
 * Each distinct payload is reported once, with its reading (case number, URL, fields) and
 * whether the applicant must confirm it.
 */
import type { CharsetSetting, CharsetUsed } from '../../src-shared/scan/charset.js';
import { understandPayload, type PayloadReading } from '../../src-shared/scan/payload.js';
import type { FormatName } from '../../src-shared/scan/zxing-decode.js';
import type { FrameRequest, FrameResponse } from './camera-protocol.js';

export interface CameraScan {
  text: string;
  format: FormatName;
  charset: CharsetUsed;
  charsetConfident: boolean;
  reading: PayloadReading;
  /** Decode time of the frame, ms. */
  ms: number;
}

export interface CameraProblem {
  code: 'no-camera' | 'permission' | 'camera-failed' | 'decoder-failed';
  message_zh: string;
  message_en: string;
}

export interface CameraScannerOptions {
  /** Where the live picture is shown; a hidden element is created when omitted. */
  video?: HTMLVideoElement;
  constraints?: MediaTrackConstraints;
  /** Time between frame grabs, ms (default 250). */
  intervalMs?: number;
  formats?: FormatName[];
  charset?: CharsetSetting;
  onScan(scan: CameraScan): void;
  onProblem?(problem: CameraProblem): void;
  /** Overridable for tests; the default lets Vite bundle the worker as its own file (CSP: no blobs). */
  createWorker?: () => Worker;
}

export interface CameraScanner {
  stop(): void;
  /** Frames decoded so far; for diagnostics. */
  readonly framesDecoded: number;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./camera-decode.worker.ts', import.meta.url), { type: 'module' });
}

function mediaProblem(e: unknown): CameraProblem {
  const name = e instanceof Error ? e.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return { code: 'permission', message_zh: '无法使用摄像头：没有权限', message_en: 'Camera permission denied' };
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return { code: 'no-camera', message_zh: '未找到高拍仪或摄像头，请检查连接', message_en: 'No document camera found; check the connection' };
  }
  return { code: 'camera-failed', message_zh: '摄像头无法启动，请联系工作人员', message_en: 'The camera failed to start; ask the staff' };
}

export async function startCameraScanner(opts: CameraScannerOptions): Promise<CameraScanner> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: opts.constraints ?? { width: { ideal: 1280 }, height: { ideal: 720 } }, audio: false });
  } catch (e) {
    const p = mediaProblem(e);
    opts.onProblem?.(p);
    throw Object.assign(new Error(p.message_en), p);
  }
  const video = opts.video ?? document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();

  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const worker = (opts.createWorker ?? defaultWorker)();
  const seen = new Set<string>();
  let busy = false;
  let stopped = false;
  let nextId = 1;
  let framesDecoded = 0;

  worker.onmessage = (e: MessageEvent<FrameResponse>) => {
    busy = false;
    framesDecoded++;
    const res = e.data;
    if (!res.ok) return;
    for (const s of res.symbols) {
      const key = `${s.format}\u0000${s.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      opts.onScan({ text: s.text, format: s.format, charset: s.charset, charsetConfident: s.charsetConfident, reading: understandPayload(s.text), ms: res.ms });
    }
  };
  worker.onerror = () => {
    busy = false;
    opts.onProblem?.({ code: 'decoder-failed', message_zh: '条码识别出错，请重试', message_en: 'The barcode decoder failed; try again' });
  };

  const grab = (): void => {
    if (stopped || busy || !ctx || video.readyState < 2 || video.videoWidth === 0) return;
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    ctx.drawImage(video, 0, 0, width, height);
    const frame = ctx.getImageData(0, 0, width, height);
    const req: FrameRequest = { id: nextId++, data: frame.data, width, height };
    if (opts.formats) req.formats = opts.formats;
    if (opts.charset) req.charset = opts.charset;
    busy = true;
    worker.postMessage(req, [frame.data.buffer]);
  };
  const timer = setInterval(grab, opts.intervalMs ?? 250);

  return {
    get framesDecoded() {
      return framesDecoded;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      worker.terminate();
      for (const t of stream.getTracks()) t.stop();
      video.srcObject = null;
    },
  };
}
