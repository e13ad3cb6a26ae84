/**
 * The 256-byte text block of the read answer: fixed-width UCS-2 little-endian fields padded
 * with spaces. The layout depends on the card-type flag at byte 248 (hardware.md section 1).
 */
import type { IdCard, IdCardKind } from '../../src-shared/domain/id-card.js';
import { ethnicGroupName, genderName } from './code-tables.js';

export const TEXT_BLOCK_BYTES = 256;
const FLAG_OFFSET = 248;
export const LONG_TERM = '长期';

type TextField = Exclude<keyof IdCard, 'kind'>;
interface FieldSpec {
  field: TextField;
  offset: number;
  bytes: number;
}

const f = (field: TextField, offset: number, bytes: number): FieldSpec => ({ field, offset, bytes });

const RESIDENT: FieldSpec[] = [
  f('name', 0, 30), f('genderCode', 30, 2), f('ethnicCode', 32, 4), f('birthDate', 36, 16), f('address', 52, 70),
  f('idNumber', 122, 36), f('authority', 158, 30), f('validFrom', 188, 16), f('validTo', 204, 16),
];
const FOREIGN: FieldSpec[] = [
  f('nameEn', 0, 120), f('genderCode', 120, 2), f('idNumber', 122, 30), f('nationality', 152, 6), f('name', 158, 30),
  f('validFrom', 188, 16), f('validTo', 204, 16), f('birthDate', 220, 16), f('cardVersion', 236, 4), f('authority', 240, 8),
];

interface Layout {
  kind: IdCardKind;
  /** UCS-2 character at byte 248. */
  flag: string;
  fields: FieldSpec[];
  /** False where only one public source describes the layout. */
  confirmed: boolean;
}

export const LAYOUTS: Readonly<Record<IdCardKind, Layout>> = {
  resident: { kind: 'resident', flag: ' ', fields: RESIDENT, confirmed: true },
  'hmt-residence': { kind: 'hmt-residence', flag: 'J', fields: [...RESIDENT, f('permitNumber', 220, 18), f('issueCount', 238, 4)], confirmed: true },
  'foreign-permanent': { kind: 'foreign-permanent', flag: 'I', fields: FOREIGN, confirmed: true },
  // Unconfirmed: one source names the `Y` flag for the 2023 foreign permanent resident card and no
  // public source gives its layout; we read it with the `I` layout until a real card shows otherwise.
  'foreign-2023': { kind: 'foreign-2023', flag: 'Y', fields: FOREIGN, confirmed: false },
};

export type TextWarning =
  | 'short-block'
  | 'unknown-card-type'
  | 'layout-unconfirmed'
  | 'lone-surrogate'
  | 'unknown-gender'
  | 'unknown-ethnic-group'
  | 'bad-birth-date'
  | 'bad-valid-from'
  | 'bad-valid-to';

export interface DecodedText {
  card: IdCard;
  /** Codes only, never field contents: safe to log. */
  warnings: TextWarning[];
}

/** UCS-2LE to string. Surrogate pairs pass through; a lone surrogate becomes U+FFFD. */
function decodeUcs2(bytes: Uint8Array, offset: number, length: number, warn: (w: TextWarning) => void): string {
  const units: number[] = [];
  for (let i = offset; i + 1 < offset + length && i + 1 < bytes.length; i += 2) units.push(bytes[i]! | (bytes[i + 1]! << 8));
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < units.length && units[i + 1]! >= 0xdc00 && units[i + 1]! <= 0xdfff) {
      out += String.fromCharCode(u, units[++i]!);
    } else if (u >= 0xd800 && u <= 0xdfff) {
      warn('lone-surrogate');
      out += '\ufffd';
    } else {
      out += String.fromCharCode(u);
    }
  }
  return out;
}

/** Padding is spaces; some readers leave NULs. Interior spaces (English names) stay. */
function trimPadding(s: string): string {
  return s.replace(/^[\u0000 ]+|[\u0000 ]+$/gu, '');
}

export function cardKindOfFlag(flag: string): IdCardKind | undefined {
  return Object.values(LAYOUTS).find((l) => l.flag === flag)?.kind ?? (flag === '\u0000' ? 'resident' : undefined);
}

export function decodeTextBlock(block: Uint8Array): DecodedText {
  const warnings = new Set<TextWarning>();
  const warn = (w: TextWarning): void => void warnings.add(w);
  if (block.length < TEXT_BLOCK_BYTES) warn('short-block');
  const flag = decodeUcs2(block, FLAG_OFFSET, 2, warn);
  let kind = cardKindOfFlag(flag);
  if (!kind) {
    warn('unknown-card-type');
    kind = 'resident';
  }
  const layout = LAYOUTS[kind];
  if (!layout.confirmed) warn('layout-unconfirmed');
  const values: Partial<Record<TextField, string>> = {};
  for (const spec of layout.fields) values[spec.field] = trimPadding(decodeUcs2(block, spec.offset, spec.bytes, warn));
  const card: IdCard = {
    kind,
    name: values.name ?? '',
    genderCode: values.genderCode ?? '',
    birthDate: values.birthDate ?? '',
    address: values.address ?? '',
    idNumber: values.idNumber ?? '',
    authority: values.authority ?? '',
    validFrom: values.validFrom ?? '',
    validTo: values.validTo ?? '',
  };
  for (const key of ['nameEn', 'ethnicCode', 'nationality', 'permitNumber', 'issueCount', 'cardVersion'] as const) {
    // Empty optional fields are absent: a permit holder's card leaves the ethnic group blank.
    if (values[key]) card[key] = values[key];
  }
  if (!genderName(card.genderCode)) warn('unknown-gender');
  if (card.ethnicCode !== undefined && !ethnicGroupName(card.ethnicCode)) warn('unknown-ethnic-group');
  if (!/^\d{8}$/.test(card.birthDate)) warn('bad-birth-date');
  if (!/^\d{8}$/.test(card.validFrom)) warn('bad-valid-from');
  if (!/^\d{8}$/.test(card.validTo) && card.validTo !== LONG_TERM) warn('bad-valid-to');
  return { card, warnings: [...warnings] };
}

export class TextBlockEncodeError extends Error {
  constructor(
    readonly code: 'field-too-long' | 'outside-ucs2',
    readonly field: string,
    readonly message_zh: string,
    readonly message_en: string,
  ) {
    super(`${code}: ${field}`);
    this.name = 'TextBlockEncodeError';
  }
}

export interface EncodeOptions {
  /**
   * Characters outside the BMP (𠮷 U+20BB7) cannot be stored in UCS-2. 'reject' (default) refuses
   * the card as a real card personaliser would; 'utf16' writes a surrogate pair (two slots of the
   * field), which is how readers that pass UTF-16 through would show it.
   */
  nonBmp?: 'reject' | 'utf16';
}

/** Card fields to a text block; the simulator's half of the format. */
export function encodeTextBlock(card: IdCard, opts: EncodeOptions = {}): Uint8Array {
  const block = new Uint8Array(TEXT_BLOCK_BYTES);
  for (let i = 0; i < TEXT_BLOCK_BYTES; i += 2) block[i] = 0x20;
  const layout = LAYOUTS[card.kind];
  const put = (field: string, offset: number, bytes: number, value: string): void => {
    for (const ch of value) {
      if (ch.codePointAt(0)! > 0xffff && opts.nonBmp !== 'utf16') {
        throw new TextBlockEncodeError('outside-ucs2', field, `字段 ${field} 含有 UCS-2 以外的字符，身份证无法存储`, `field ${field} has a character outside UCS-2 that a card cannot hold`);
      }
    }
    if (value.length * 2 > bytes) {
      throw new TextBlockEncodeError('field-too-long', field, `字段 ${field} 超过 ${bytes / 2} 个字符`, `field ${field} is longer than ${bytes / 2} characters`);
    }
    for (let i = 0; i < value.length; i++) {
      const u = value.charCodeAt(i);
      block[offset + 2 * i] = u & 0xff;
      block[offset + 2 * i + 1] = u >> 8;
    }
  };
  for (const spec of layout.fields) put(spec.field, spec.offset, spec.bytes, card[spec.field] ?? '');
  put('flag', FLAG_OFFSET, 2, layout.flag);
  return block;
}
