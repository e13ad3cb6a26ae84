/** Pinyin reaches every character pinyin-pro reads, names' and addresses' characters first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { candidates, loadPinyin } from '../../../src-renderer/ui/pinyin-index.js';
import { RARE_NAME_CHARS } from '../../../src-shared/text/name-characters.js';

const PAGE = 10;
const all = (syllable: string) => candidates(syllable, Infinity);

describe('pinyin index', () => {
  beforeAll(() => loadPinyin());

  it('types the name characters outside GB 2312 on the first page of their syllable', () => {
    const syllables: Record<string, string> = { 喆: 'zhe', 堃: 'kun', 玥: 'yue', 珺: 'jun', 昇: 'sheng', 彧: 'yu', 祎: 'yi', 垚: 'yao', 晞: 'xi', 赟: 'yun' };
    expect(Object.keys(syllables).join('')).toBe(RARE_NAME_CHARS);
    for (const [ch, py] of Object.entries(syllables)) expect(all(py).indexOf(ch), `${ch} ${py}`).toBeLessThan(PAGE);
  });

  it('offers 豫 on the first page of yu, and 秀 before 臭 (chou first) for xiu', () => {
    expect(all('yu').indexOf('豫')).toBeLessThan(PAGE);
    expect(all('xiu')[0]).toBe('秀');
    const xiu = all('xiu');
    for (const ch of '修休羞锈袖绣') expect(xiu.indexOf(ch)).toBeLessThan(xiu.indexOf('臭'));
    expect(all('chou').indexOf('臭')).toBeLessThan(2 * PAGE); // GB 2312 level 1 orders chou by strokes, not use
  });

  it('reaches characters beyond GB 2312 and Extension A, each under every reading', () => {
    expect(all('ling')).toContain('鈴'); // traditional form
    expect(all('yi')).toContain('㑊'); // Extension A
    expect(all('yi').length).toBeGreaterThan(300);
    expect(all('zeng')[0]).toBe('曾'); // the surname's reading counts first
    expect(all('ceng')).toContain('曾');
    expect(all('lv')[0]).toBe('吕'); // v types ü
  });

  it('puts common surnames first and keeps the prefix offer', () => {
    expect(all('zhang')[0]).toBe('张');
    expect(all('wang')[0]).toBe('王');
    expect(all('huang')[0]).toBe('黄');
    expect(candidates('zh').length).toBeGreaterThan(10);
    expect(candidates('xyzq')).toEqual([]);
  });
});
