import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIdNumber } from '../../../../src-shared/identity/id-number.js';
import type { IdCard } from '../../../../src-shared/domain/id-card.js';
import { ETHNIC_GROUPS, GENDERS, ethnicGroupName } from '../../../../hardware/id-card/code-tables.js';
import { TextBlockEncodeError, decodeTextBlock, encodeTextBlock } from '../../../../hardware/id-card/text-block.js';
import { CardFileError, parseCardJson } from '../../../../hardware/id-card/card-json.js';
import { encodeReadAnswer, parseReadAnswer } from '../../../../hardware/id-card/read-answer.js';
import { decodePhoto, type WltDecoder } from '../../../../hardware/id-card/wlt.js';

const dir = join(import.meta.dirname, '../../../fixtures/cards');
const fixtures = Object.fromEntries(
  readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => [f.replace('.json', ''), parseCardJson(readFileSync(join(dir, f), 'utf8'))]),
) as Record<string, IdCard>;

const ucs2At = (block: Uint8Array, offset: number, chars: number): string => Buffer.from(block.subarray(offset, offset + chars * 2)).toString('utf16le');

describe('card fixtures', () => {
  it('are all present', () => {
    expect(Object.keys(fixtures).sort()).toEqual(['foreign-permanent', 'hmt-residence', 'long-term', 'rare-chars', 'resident']);
  });
  it.each(['resident', 'rare-chars', 'long-term', 'hmt-residence'])('%s has a valid GB 11643 number', (name) => {
    const r = validateIdNumber(fixtures[name]!.idNumber);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.birthDate).toBe(fixtures[name]!.birthDate);
  });
  it('rare-chars has a 35-character address and a CJK Extension A name', () => {
    expect(fixtures['rare-chars']!.address).toHaveLength(35);
    expect(fixtures['rare-chars']!.name).toContain('䶮');
  });
});

describe('text block round trip', () => {
  it.each(Object.keys(fixtures))('%s decodes to the same card without warnings', (name) => {
    const card = fixtures[name]!;
    const block = encodeTextBlock(card);
    expect(block).toHaveLength(256);
    expect(decodeTextBlock(block)).toEqual({ card, warnings: [] });
  });

  it('puts resident fields at the documented offsets', () => {
    const block = encodeTextBlock(fixtures.resident!);
    expect(ucs2At(block, 0, 3)).toBe('张明远');
    expect(ucs2At(block, 30, 1)).toBe('1');
    expect(ucs2At(block, 32, 2)).toBe('01');
    expect(ucs2At(block, 36, 8)).toBe('19900307');
    expect(ucs2At(block, 122, 18)).toBe('110101199003071233');
    expect(ucs2At(block, 188, 8)).toBe('20150710');
    expect(ucs2At(block, 204, 8)).toBe('20350710');
    expect(ucs2At(block, 248, 1)).toBe(' ');
    expect(ucs2At(block, 220, 18)).toBe(' '.repeat(18));
  });

  it('fills a 35-character address to the last byte of its 70-byte field', () => {
    const block = encodeTextBlock(fixtures['rare-chars']!);
    expect(ucs2At(block, 52, 35)).toBe(fixtures['rare-chars']!.address);
  });

  it('reads 长期 as the end of validity', () => {
    const block = encodeTextBlock(fixtures['long-term']!);
    expect(ucs2At(block, 204, 2)).toBe('长期');
    expect(decodeTextBlock(block).card.validTo).toBe('长期');
  });

  it('reads the I layout', () => {
    const block = encodeTextBlock(fixtures['foreign-permanent']!);
    expect(ucs2At(block, 248, 1)).toBe('I');
    expect(ucs2At(block, 0, 21)).toBe('SMITH, JOHN ALEXANDER');
    expect(ucs2At(block, 152, 3)).toBe('CAN');
    expect(ucs2At(block, 158, 3)).toBe('史密斯');
    expect(ucs2At(block, 220, 8)).toBe('19900501');
    expect(ucs2At(block, 236, 2)).toBe('01');
    expect(ucs2At(block, 240, 4)).toBe('1500');
  });

  it('reads the J layout', () => {
    const block = encodeTextBlock(fixtures['hmt-residence']!);
    expect(ucs2At(block, 248, 1)).toBe('J');
    expect(ucs2At(block, 220, 9)).toBe('H12345678');
    expect(ucs2At(block, 238, 2)).toBe('01');
    expect(decodeTextBlock(block).card.ethnicCode).toBeUndefined();
  });

  it('reads a Y card with the I layout and says the layout is unconfirmed', () => {
    const y: IdCard = { ...fixtures['foreign-permanent']!, kind: 'foreign-2023' };
    const block = encodeTextBlock(y);
    expect(ucs2At(block, 248, 1)).toBe('Y');
    expect(decodeTextBlock(block)).toEqual({ card: y, warnings: ['layout-unconfirmed'] });
  });

  it('trims space and NUL padding but keeps interior spaces', () => {
    const block = encodeTextBlock(fixtures['foreign-permanent']!);
    block.fill(0, 42, 120); // NUL padding after the English name
    expect(decodeTextBlock(block).card.nameEn).toBe('SMITH, JOHN ALEXANDER');
  });
});

describe('characters outside UCS-2', () => {
  const jiNonBmp: IdCard = { ...fixtures.resident!, name: '𠮷田' };
  it('are refused by default with a message naming the field only', () => {
    try {
      encodeTextBlock(jiNonBmp);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TextBlockEncodeError);
      expect(e).toMatchObject({ code: 'outside-ucs2', field: 'name' });
      expect((e as TextBlockEncodeError).message_zh).toContain('UCS-2');
      expect((e as Error).message).not.toContain('𠮷');
    }
  });
  it('travel as a surrogate pair in utf16 mode and decode back', () => {
    const block = encodeTextBlock(jiNonBmp, { nonBmp: 'utf16' });
    expect(decodeTextBlock(block)).toEqual({ card: jiNonBmp, warnings: [] });
  });
  it('a lone surrogate becomes U+FFFD with a warning', () => {
    const block = encodeTextBlock(fixtures.resident!);
    block[0] = 0x42;
    block[1] = 0xd8; // high surrogate followed by 明, not a low surrogate
    const r = decodeTextBlock(block);
    expect(r.card.name).toBe('\ufffd明远');
    expect(r.warnings).toContain('lone-surrogate');
  });
});

describe('bad text blocks give warnings, not exceptions', () => {
  it('field too long', () => {
    expect(() => encodeTextBlock({ ...fixtures.resident!, address: 'a'.repeat(36) })).toThrow(/field-too-long: address/);
  });
  it('unknown flag, gender and ethnic group, bad dates', () => {
    const block = encodeTextBlock({ ...fixtures.resident!, genderCode: '5', ethnicCode: '77', birthDate: '1990', validTo: 'never' });
    block[248] = 0x51; // 'Q'
    expect(decodeTextBlock(block).warnings.sort()).toEqual(['bad-birth-date', 'bad-valid-to', 'unknown-card-type', 'unknown-ethnic-group', 'unknown-gender']);
  });
  it('short or random blocks', () => {
    expect(decodeTextBlock(new Uint8Array(10)).warnings).toContain('short-block');
    const random = Uint8Array.from({ length: 256 }, (_, i) => (i * 131 + 17) & 0xff);
    expect(() => decodeTextBlock(random)).not.toThrow();
  });
});

describe('code tables', () => {
  it('has 56 ethnic groups plus 97 and 98', () => {
    const codes = Object.keys(ETHNIC_GROUPS);
    expect(codes).toHaveLength(58);
    for (let i = 1; i <= 56; i++) expect(ethnicGroupName(String(i).padStart(2, '0'))).toMatch(/^\p{Script=Han}+$/u);
    expect(ETHNIC_GROUPS['01']).toBe('汉');
    expect(ETHNIC_GROUPS['56']).toBe('基诺');
    expect(ETHNIC_GROUPS['97']).toBe('其他');
    expect(ETHNIC_GROUPS['98']).toBe('外国血统中国籍人士');
    expect(new Set(Object.values(ETHNIC_GROUPS)).size).toBe(58);
  });
  it('has the four gender codes', () => {
    expect(Object.fromEntries(Object.entries(GENDERS).map(([k, v]) => [k, v.zh]))).toEqual({ '0': '未知', '1': '男', '2': '女', '9': '未说明' });
  });
});

describe('read answer and photo', () => {
  const text = encodeTextBlock(fixtures.resident!);
  const photo = new Uint8Array(1024).fill(0x5a);
  it('splits text and photo (30 01)', () => {
    const data = encodeReadAnswer(text, { photoWlt: photo }, false);
    expect(data).toHaveLength(4 + 256 + 1024);
    const r = parseReadAnswer(data, false);
    expect(r).toEqual({ text, raw: { photoWlt: photo } });
  });
  it('keeps the fingerprint block (30 10)', () => {
    const fingerprint = new Uint8Array(1024).fill(7);
    const r = parseReadAnswer(encodeReadAnswer(text, { photoWlt: photo, fingerprint }, true), true);
    expect(r).toMatchObject({ raw: { photoWlt: photo, fingerprint } });
  });
  it('rejects short data and impossible lengths', () => {
    expect(parseReadAnswer(new Uint8Array(3), false)).toBe('short');
    expect(parseReadAnswer(Uint8Array.of(1, 0, 4, 0), false)).toBe('short');
    expect(parseReadAnswer(Uint8Array.of(0xff, 0xff, 4, 0), false)).toBe('bad-lengths');
  });
  it('without a WLT decoder says so; a plugged-in decoder is used', async () => {
    expect(await decodePhoto({ photoWlt: photo }, undefined)).toMatchObject({ ok: false, code: 'no-decoder' });
    const fake: WltDecoder = { name: 'fake', decode: async (w) => ({ width: 102, height: 126, bmp: w.subarray(0, 2) }) };
    expect(await decodePhoto({ photoWlt: photo }, fake)).toMatchObject({ ok: true, photo: { width: 102 } });
    const broken: WltDecoder = { name: 'broken', decode: async () => { throw new Error('x'); } };
    expect(await decodePhoto({ photoWlt: photo }, broken)).toMatchObject({ ok: false, code: 'decode-failed' });
  });
});

describe('card JSON', () => {
  it('names bad fields without their values', () => {
    expect(() => parseCardJson('{"kind":"resident","name":"张三"}')).toThrow(CardFileError);
    try {
      parseCardJson(JSON.stringify({ ...fixtures.resident, birthDate: '1990-03-07' }));
      expect.unreachable();
    } catch (e) {
      expect((e as CardFileError).message_en).toContain('birthDate');
      expect((e as CardFileError).message_en).not.toContain('1990');
    }
    expect(() => parseCardJson('not json')).toThrow(/not valid JSON/);
  });
});
