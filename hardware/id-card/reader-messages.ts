/** What the reader tells people, per state and failure code (Chinese first, English beside). */
import type { ReaderState } from '../../src-shared/api/contract.js';
import { hex, statusByCode } from './protocol.js';

export interface ReaderStateEvent {
  state: ReaderState;
  /** Stable code for logs and tests: 'timeout', 'sam-60', 'port-not-found', ... */
  code?: string;
  message_zh: string;
  message_en: string;
}

export class ReaderError extends Error {
  constructor(
    readonly code: string,
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(`${code}: ${message_en}`);
    this.name = 'ReaderError';
  }

  toState(state: ReaderState = 'error'): ReaderStateEvent {
    return { state, code: this.code, message_zh: this.message_zh, message_en: this.message_en };
  }
}

type Text = [zh: string, en: string];

const FIXED: Record<string, Text> = {
  connecting: ['正在连接身份证阅读器', 'Connecting to the ID card reader'],
  ready: ['请将身份证放在读卡区', 'Place the ID card on the reader'],
  'card-present': ['已读取身份证', 'ID card read'],
  stopped: ['身份证阅读器已停止', 'The ID card reader is stopped'],
  timeout: ['身份证阅读器无响应，正在重试', 'The ID card reader does not answer; retrying'],
  'bad-checksum': ['身份证阅读器数据校验错误，正在重试', 'Data from the ID card reader failed its checksum; retrying'],
  'bad-answer': ['身份证阅读器返回的数据不完整，请拿起身份证后重新放置', 'The reader sent incomplete card data; lift the card and place it again'],
  'read-failed': ['读卡失败，请拿起身份证后重新放置', 'Reading the card failed; lift the card and place it again'],
  'no-card': ['未检测到身份证，请将身份证放在读卡区', 'No ID card found; place the card on the reader'],
  disconnected: ['身份证阅读器连接已断开，正在重新连接', 'The ID card reader was disconnected; reconnecting'],
};

export function readerError(code: keyof typeof FIXED | string): ReaderError {
  const [zh, en] = FIXED[code] ?? [`身份证阅读器出错（${code}）`, `ID card reader error (${code})`];
  return new ReaderError(code, zh, en);
}

export function stateEvent(state: ReaderState, code?: string): ReaderStateEvent {
  const [zh, en] = FIXED[code ?? state] ?? FIXED[state]!;
  const e: ReaderStateEvent = { state, message_zh: zh, message_en: en };
  if (code) e.code = code;
  return e;
}

/** A SAM status the driver answers with a reset. */
export function samError(sw3: number): ReaderError {
  const s = statusByCode(sw3);
  return new ReaderError(`sam-${hex(sw3)}`, `身份证阅读器安全模块故障：${s.zh}，正在复位`, `ID card reader SAM fault: ${s.en}; resetting`);
}

/** Any other unexpected status from the reader. */
export function statusError(sw1: number, sw2: number, sw3: number): ReaderError {
  if (sw1 !== 0 || sw2 !== 0) {
    const code = `sw-${hex(sw1)}${hex(sw2)}${hex(sw3)}`;
    return new ReaderError(code, `身份证阅读器返回错误（${code}）`, `The ID card reader answered with an error (${code})`);
  }
  const s = statusByCode(sw3);
  return new ReaderError(`status-${hex(sw3)}`, `身份证阅读器：${s.zh}`, `ID card reader: ${s.en}`);
}

/** What to say when the caller gives up, for the states whose message promises a retry. */
const GIVEN_UP: Record<string, Text> = {
  timeout: ['身份证阅读器无响应，请检查连接线和电源后再试', 'The ID card reader does not answer; check its cable and power, then try again'],
  'bad-checksum': ['身份证阅读器数据校验错误，请检查连接线后再试', 'Data from the ID card reader failed its checksum; check the cable, then try again'],
  disconnected: ['身份证阅读器连接已断开，请检查连接后再试', 'The ID card reader was disconnected; check the connection, then try again'],
};

export function givenUp(e: ReaderError): ReaderError {
  const fixed = GIVEN_UP[e.code];
  if (fixed) return new ReaderError(e.code, fixed[0], fixed[1]);
  if (e.code.startsWith('sam-')) {
    const s = statusByCode(Number.parseInt(e.code.slice(4), 16));
    return new ReaderError(e.code, `身份证阅读器安全模块故障：${s.zh}，请重新插拔阅读器后再试`, `ID card reader SAM fault: ${s.en}; unplug the reader, plug it in again and retry`);
  }
  return e;
}
