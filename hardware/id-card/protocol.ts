/**
 * Wire protocol of second-generation ID card readers (SAM module, GA 467 family), as gathered
 * in shared/hardware.md section 1. Pure: no I/O, so it runs in the decoder fuzz test unchanged.
 *
 *   request  AA AA AA 96 69 | LEN_hi LEN_lo | CMD PARA [data]   | CHK
 *   response AA AA AA 96 69 | LEN_hi LEN_lo | SW1 SW2 SW3 [data] | CHK
 * LEN counts every byte after itself including CHK; CHK is the XOR of LEN_hi .. last data byte.
 */

export const PREAMBLE: readonly number[] = [0xaa, 0xaa, 0xaa, 0x96, 0x69];
/** Preamble plus the two LEN bytes: what must be seen before a frame's size is known. */
export const HEADER_BYTES = 7;
/** Smallest LEN: a bare request (CMD PARA CHK). */
export const MIN_LEN = 3;
/**
 * Largest LEN a reader sends: the `30 10` answer, SW(3) + three lengths(6) + text(256) +
 * photo(1024) + fingerprint(1024) + CHK(1). Anything claiming more is rejected unbuffered.
 */
export const MAX_LEN = 3 + 6 + 256 + 1024 + 1024 + 1;
export const MAX_FRAME_BYTES = HEADER_BYTES + MAX_LEN;

export interface CommandDef {
  readonly name: CommandName;
  readonly cmd: number;
  readonly para: number;
  readonly zh: string;
  readonly en: string;
}

export type CommandName =
  | 'reset-sam'
  | 'sam-status'
  | 'read-sam-id'
  | 'find-card'
  | 'select-card'
  | 'read-text-photo'
  | 'read-text-photo-fingerprint'
  | 'read-appended-address'
  | 'set-max-rf-bytes'
  | 'set-baud';

const def = (name: CommandName, cmd: number, para: number, zh: string, en: string): CommandDef => ({ name, cmd, para, zh, en });

export const COMMANDS = {
  resetSam: def('reset-sam', 0x10, 0xff, '复位安全模块', 'reset SAM'),
  samStatus: def('sam-status', 0x11, 0xff, '查询安全模块状态', 'SAM status'),
  readSamId: def('read-sam-id', 0x12, 0xff, '读安全模块号', 'read SAM id'),
  findCard: def('find-card', 0x20, 0x01, '寻卡', 'find card'),
  selectCard: def('select-card', 0x20, 0x02, '选卡', 'select card'),
  readTextPhoto: def('read-text-photo', 0x30, 0x01, '读文字和照片', 'read text and photo'),
  readTextPhotoFingerprint: def('read-text-photo-fingerprint', 0x30, 0x10, '读文字、照片和指纹', 'read text, photo and fingerprint'),
  readAppendedAddress: def('read-appended-address', 0x30, 0x03, '读追加住址', 'read appended address'),
  setMaxRfBytes: def('set-max-rf-bytes', 0x61, 0xff, '设置射频适配器最大通信字节数', 'set max RF bytes'),
  setBaud: def('set-baud', 0x60, 0x00, '设置波特率', 'set baud rate'),
} as const satisfies Record<string, CommandDef>;

/** `60 nn`: the parameter byte selects the baud rate. */
export const BAUD_PARAMS: Readonly<Record<number, number>> = { 115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04 };

export function commandByCode(cmd: number, para: number): CommandDef | undefined {
  if (cmd === 0x60) return { ...COMMANDS.setBaud, para };
  return Object.values(COMMANDS).find((c) => c.cmd === cmd && c.para === para);
}

export interface StatusDef {
  readonly code: number;
  readonly name: string;
  readonly zh: string;
  readonly en: string;
}

const st = (code: number, name: string, zh: string, en: string): StatusDef => ({ code, name, zh, en });

/** SW3 values. */
export const STATUS = {
  ok: st(0x90, 'ok', '操作成功', 'success'),
  findOk: st(0x9f, 'find-ok', '寻卡成功', 'card found'),
  noContent: st(0x91, 'no-content', '卡中无此项内容', 'the card has no such content'),
  checksumError: st(0x10, 'checksum-error', '读卡器收到的命令校验和错', 'the reader received a command with a bad checksum'),
  lengthError: st(0x11, 'length-error', '读卡器收到的命令长度错', 'the reader received a command with a bad length'),
  commandError: st(0x21, 'command-error', '读卡器收到的命令错误', 'the reader received a wrong command'),
  unauthorised: st(0x23, 'unauthorised', '越权操作', 'operation not permitted'),
  unrecognised: st(0x24, 'unrecognised', '无法识别的错误', 'unrecognised error'),
  cardAuthSamFailed: st(0x31, 'card-auth-sam-failed', '卡认证安全模块失败', 'the card failed to authenticate the SAM'),
  samAuthCardFailed: st(0x32, 'sam-auth-card-failed', '安全模块认证卡失败', 'the SAM failed to authenticate the card'),
  verificationError: st(0x33, 'verification-error', '信息验证错误', 'information verification error'),
  unknownCardType: st(0x40, 'unknown-card-type', '无法识别的卡类型', 'unknown card type'),
  cardOperationFailed: st(0x41, 'card-operation-failed', '读卡操作失败', 'card operation failed'),
  randomFailed: st(0x47, 'random-failed', '取随机数失败', 'getting a random number failed'),
  samSelfTestFailed: st(0x60, 'sam-self-test-failed', '安全模块自检失败', 'SAM self-test failed'),
  samNotAuthorised: st(0x66, 'sam-not-authorised', '安全模块未经授权', 'SAM not authorised'),
  findFailed: st(0x80, 'find-failed', '寻卡失败（未放卡）', 'find card failed (no card)'),
  selectFailed: st(0x81, 'select-failed', '选卡失败', 'select card failed'),
} as const satisfies Record<string, StatusDef>;

const STATUS_BY_CODE = new Map<number, StatusDef>(Object.values(STATUS).map((s) => [s.code, s]));

export function statusByCode(code: number): StatusDef {
  return STATUS_BY_CODE.get(code) ?? st(code, `unknown-${hex(code)}`, `未知状态码 0x${hex(code)}`, `unknown status 0x${hex(code)}`);
}

/** Statuses that mean the SAM itself is unwell: the driver answers them with a SAM reset. */
export const SAM_FAULT_CODES: ReadonlySet<number> = new Set([0x23, 0x31, 0x32, 0x33, 0x47, 0x60, 0x66]);

export function hex(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

export function xorChecksum(bytes: Uint8Array, start: number, end: number): number {
  let x = 0;
  for (let i = start; i < end; i++) x ^= bytes[i]!;
  return x;
}

/** Wraps a body (CMD PARA data, or SW1 SW2 SW3 data) into a frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const len = body.length + 1;
  if (len > 0xffff) throw new RangeError(`frame body too long: ${body.length}`);
  const out = new Uint8Array(HEADER_BYTES + len);
  out.set(PREAMBLE, 0);
  out[5] = len >> 8;
  out[6] = len & 0xff;
  out.set(body, HEADER_BYTES);
  out[out.length - 1] = xorChecksum(out, 5, out.length - 1);
  return out;
}

export function encodeRequest(command: Pick<CommandDef, 'cmd' | 'para'>, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(2 + data.length);
  body[0] = command.cmd;
  body[1] = command.para;
  body.set(data, 2);
  return encodeFrame(body);
}

/** What the reader firmware sends; used by the simulator and the tests. */
export function encodeResponse(sw3: number, data: Uint8Array = new Uint8Array(0), sw1 = 0, sw2 = 0): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[0] = sw1;
  body[1] = sw2;
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

export interface Response {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface Request {
  cmd: number;
  para: number;
  data: Uint8Array;
}

/** Splits a decoded frame body as a response; undefined when it is too short to be one. */
export function parseResponse(body: Uint8Array): Response | undefined {
  if (body.length < 3) return undefined;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.subarray(3) };
}

export function parseRequest(body: Uint8Array): Request | undefined {
  if (body.length < 2) return undefined;
  return { cmd: body[0]!, para: body[1]!, data: body.subarray(2) };
}
