/**
 * The ID card reader from the kiosk configuration: its byte binding (serial or HID) and the
 * IdCardReader on it, plus the self-test (`11 FF` SAM status must answer 90).
 */
import type { KioskConfig } from '../admin/kiosk-config.js';
import { LinkOpenError, type ByteBinding } from '../../hardware/serial/binding.js';
import { serialBinding } from '../../hardware/serial/serialport-binding.js';
import { hidBinding } from '../../hardware/hid/hid-binding.js';
import { DEFAULT_HID_FRAMING } from '../../hardware/hid/framing.js';
import type { HidApi } from '../../hardware/hid/hid-api.js';
import { IdCardReader, type IdCardReaderOptions } from '../../hardware/id-card/reader.js';
import { FrameDecoder } from '../../hardware/id-card/frame-decoder.js';
import { COMMANDS, SAM_FAULT_CODES, encodeRequest, parseResponse } from '../../hardware/id-card/protocol.js';
import { samError, statusError } from '../../hardware/id-card/reader-messages.js';

export type IdReaderConfig = NonNullable<KioskConfig['devices']['idReader']>;
/** What a shell or test may give instead of the stored configuration (defaults filled in). */
export interface IdReaderTarget {
  transport: IdReaderConfig['transport'];
  path: string;
  baudRate?: number;
  pollIntervalMs?: number;
  hid?: IdReaderConfig['hid'];
}

export type ReaderTimings = Pick<IdCardReaderOptions, 'pollIntervalMs' | 'commandTimeoutMs' | 'retries' | 'retryDelayMs' | 'errorBackoffMaxMs' | 'reconnectMinMs' | 'reconnectMaxMs'>;

export function idReaderBinding(c: IdReaderTarget, hidApi?: HidApi): ByteBinding {
  if (c.transport === 'serial') return serialBinding({ path: c.path, baudRate: c.baudRate ?? 115200 });
  const h = c.hid ?? { framing: DEFAULT_HID_FRAMING.kind, reportSize: DEFAULT_HID_FRAMING.reportSize, reportId: DEFAULT_HID_FRAMING.reportId };
  return hidBinding({ target: c.path, framing: { kind: h.framing, reportSize: h.reportSize, reportId: h.reportId }, ...(hidApi ? { api: hidApi } : {}) });
}

export function configuredIdReader(binding: ByteBinding, c: IdReaderTarget, timings: ReaderTimings, log: IdCardReaderOptions['log']): IdCardReader {
  return new IdCardReader({ pollIntervalMs: c.pollIntervalMs ?? 500, ...timings, binding, ...(log ? { log } : {}) });
}

export interface Outcome {
  ok: boolean;
  code: string;
  message_zh: string;
  message_en: string;
}

/** Quiet time on the line before the self-test asks, longer than a byte gap inside an answer. */
const QUIET_MS = 60;

/** Opens the link, asks the SAM for its status once, closes. Never throws. */
export async function samSelfTest(binding: ByteBinding, timeoutMs: number): Promise<Outcome> {
  let link;
  try {
    link = await binding.open();
  } catch (e) {
    const err = e instanceof LinkOpenError ? e : new LinkOpenError('other', '无法打开身份证阅读器', `Cannot open the ID card reader: ${(e as Error).message}`);
    return { ok: false, code: `port-${err.code}`, message_zh: err.message_zh, message_en: err.message_en };
  }
  const decoder = new FrameDecoder();
  let sent = false;
  let lastDataAt = performance.now();
  try {
    // The polling reader was stopped with a command possibly in flight; its late answer must
    // not pass for ours, so wait for a quiet line before asking.
    link.onData(() => void (lastDataAt = performance.now()));
    const quietUntil = performance.now() + timeoutMs;
    while (performance.now() < quietUntil) {
      await new Promise((r) => setTimeout(r, QUIET_MS));
      if (performance.now() - lastDataAt >= QUIET_MS) break;
    }
    const answer = await new Promise<Uint8Array | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      sent = true;
      link.onData((chunk) => {
        if (!sent) return;
        const [body] = decoder.push(chunk);
        if (body) {
          clearTimeout(timer);
          resolve(body);
        }
      });
      link.onClose(() => {
        clearTimeout(timer);
        resolve(null);
      });
      link.write(encodeRequest(COMMANDS.samStatus)).catch(() => resolve(null));
    });
    const r = answer ? parseResponse(answer) : undefined;
    if (!r) return { ok: false, code: 'timeout', message_zh: '身份证阅读器无响应，请检查连线和电源', message_en: 'The ID card reader does not answer; check its cable and power' };
    if (r.sw1 === 0 && r.sw2 === 0 && r.sw3 === 0x90) {
      return { ok: true, code: 'ok', message_zh: '身份证阅读器正常（安全模块状态正常）', message_en: 'ID card reader OK (SAM status normal)' };
    }
    const err = r.sw1 === 0 && r.sw2 === 0 && SAM_FAULT_CODES.has(r.sw3) ? samError(r.sw3) : statusError(r.sw1, r.sw2, r.sw3);
    return { ok: false, code: err.code, message_zh: err.message_zh, message_en: err.message_en };
  } finally {
    await link.close();
  }
}
