/**
 * Case numbers as the SPC rules write them (《最高人民法院关于人民法院案件案号的若干规定》, in force
 * 2016-01-01): art. 3 the layout "（"+收案年度+"）"+法院代字+类型代字+案件编号+"号"; art. 4 the
 * high courts' codes are the official abbreviations, "内蒙古自治区高级人民法院、中国人民解放军军事法院、
 * 新疆维吾尔自治区高级人民法院生产建设兵团分院的法院代字分别为“内”“军”“兵”"; art. 5 intermediate and
 * basic courts add two or four digits. Before 2016 numbers were written with 字第.
 */
import { describe, expect, it } from 'vitest';
import { parseCaseNumber, readCaseNumber } from '../../../src-shared/casenum/case-number.js';
import { highCourt, PROVINCES } from '../../../src-shared/casenum/court-codes.js';
import { courtNameOf } from '../../../src-shared/courts/court-names.js';

const NOW = new Date('2026-06-01T00:00:00Z');

/** Art. 4's table: each high court's region and its code, as the SPC's 各级法院代字表 lists them. */
const SPC_HIGH_COURTS: Array<[string, string]> = [
  ['北京', '京'], ['天津', '津'], ['河北', '冀'], ['山西', '晋'], ['内蒙古', '内'], ['辽宁', '辽'], ['吉林', '吉'], ['黑龙江', '黑'],
  ['上海', '沪'], ['江苏', '苏'], ['浙江', '浙'], ['安徽', '皖'], ['福建', '闽'], ['江西', '赣'], ['山东', '鲁'], ['河南', '豫'],
  ['湖北', '鄂'], ['湖南', '湘'], ['广东', '粤'], ['广西', '桂'], ['海南', '琼'], ['重庆', '渝'], ['四川', '川'], ['贵州', '黔'],
  ['云南', '云'], ['西藏', '藏'], ['陕西', '陕'], ['甘肃', '甘'], ['青海', '青'], ['宁夏', '宁'], ['新疆', '新'],
  ['中国人民解放军', '军'], ['新疆生产建设兵团', '兵'],
];

describe('court codes (SPC case-number rules art. 4-5)', () => {
  it('the picker lists exactly the SPC high-court codes, each under its region', () => {
    expect(PROVINCES.map((p) => p.char).sort()).toEqual(SPC_HIGH_COURTS.map(([, c]) => c).sort());
    for (const [region, code] of SPC_HIGH_COURTS) expect(PROVINCES.find((p) => p.char === code)?.name_zh).toContain(region);
  });

  it.each(SPC_HIGH_COURTS)('%s (%s): high, intermediate and basic courts parse', (_region, code) => {
    for (const court of [code, `${code}01`, `${code}0102`]) {
      const r = parseCaseNumber(`（2025）${court}执8号`, { now: NOW });
      expect(r.ok && r.value.courtCode).toBe(court);
    }
  });

  it('the issue\'s numbers: 内 and 黔 are accepted, 蒙 and 贵 refused naming the right code', () => {
    expect(parseCaseNumber('（2025）内01执8号', { now: NOW }).ok).toBe(true);
    expect(parseCaseNumber('（2025）黔01执8号', { now: NOW }).ok).toBe(true);
    const meng = parseCaseNumber('（2025）蒙01执8号', { now: NOW });
    expect(!meng.ok && meng.error).toBe('bad-court-code');
    expect(!meng.ok && meng.message_zh).toContain('应为“内”');
    const gui = parseCaseNumber('（2025）贵01执8号', { now: NOW });
    expect(!gui.ok && gui.message_zh).toContain('应为“黔”');
  });

  it('names the military court and the Corps branch by their full names', () => {
    expect(highCourt({ char: '军', name_zh: '中国人民解放军', name_en: '' }).name).toBe('中国人民解放军军事法院');
    expect(highCourt({ char: '兵', name_zh: '新疆生产建设兵团', name_en: '' }).name).toBe('新疆维吾尔自治区高级人民法院生产建设兵团分院');
    expect(courtNameOf('内').zh).toContain('内蒙古自治区高级人民法院');
    expect(courtNameOf('黔05').zh).toContain('贵州省');
  });

  it('a court code has 0, 2 or 4 digits (art. 5)', () => {
    for (const bad of ['豫0', '豫081', '豫08111']) expect(parseCaseNumber(`（2025）${bad}执8号`, { now: NOW }).ok).toBe(false);
  });
});

describe('brackets (art. 3: only （） is canonical)', () => {
  it.each([
    ['[2024]豫0811执12号', '[]'],
    ['【2024】豫0811执12号', '【】'],
    ['〔2024〕豫0811执12号', '〔〕'],
    ['(2024)豫0811执12号', '()'],
  ])('%s is read with a warning showing （2024）豫0811执12号', (text, brackets) => {
    const r = parseCaseNumber(text, { now: NOW });
    expect(r.ok && r.canonical).toBe('（2024）豫0811执12号');
    const w = r.ok ? r.warnings : [];
    expect(w.map((x) => x.code)).toEqual(['non-canonical-bracket']);
    expect(w[0]?.message_zh).toContain('（2024）豫0811执12号');
    expect(w[0]?.message_zh).toContain(brackets);
    expect(w[0]?.message_en).toContain('（2024）豫0811执12号');
  });

  it('the canonical form has no warning', () => {
    const r = parseCaseNumber('（2024）豫0811执12号', { now: NOW });
    expect(r.ok && r.warnings).toEqual([]);
  });
});

describe('the format began 2016-01-01', () => {
  it('a new-format number with an earlier year is refused', () => {
    const r = readCaseNumber('（2015）豫0811执12号', { now: NOW });
    expect(!r.ok && r.error).toBe('before-format');
    expect(parseCaseNumber('（2016）豫0811执1号', { now: NOW }).ok).toBe(true);
  });

  it('a number from 2016 on written with 字第 is read with a warning, not silently', () => {
    const r = parseCaseNumber('（2024）豫0823执字第12号', { now: NOW });
    expect(r.ok && r.canonical).toBe('（2024）豫0823执12号');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['non-canonical-form']);
  });
});

describe('pre-2016 字第 numbers read as legacy', () => {
  it.each([
    ['（2015）豫法执监字第00012号', 2015, '豫法', '执监', '00012'],
    ['（2013）郑民一初字第123号', 2013, '郑', '民一初', '123'],
    ['(2014)焦山执字第12号', 2014, '焦山', '执', '12'],
    ['（2012）一中民终字第0456号', 2012, '一中', '民终', '0456'],
    ['（2010）民提字第1号', 2010, '', '民提', '1'],
  ])('%s', (text, year, court, typeChars, seqText) => {
    const r = readCaseNumber(text, { now: NOW });
    expect(r.ok && r.format).toBe('legacy');
    if (!r.ok || r.format !== 'legacy') return;
    expect(r.legacy).toEqual({ year, court, typeChars, seqText });
    // Leading zeros kept as written; full-width brackets and 字第 in the canonical form.
    expect(r.canonical).toBe(`（${year}）${court}${typeChars}字第${seqText}号`);
    expect(r.warnings.map((w) => w.code)).toContain('legacy-format');
  });

  it('is not reported as an unknown type 法执监', () => {
    const r = readCaseNumber('（2015）豫法执监字第00012号', { now: NOW });
    expect(r.ok).toBe(true);
  });

  it('parseCaseNumber (a court\'s own numbers) still refuses it, saying why', () => {
    const r = parseCaseNumber('（2015）豫法执监字第00012号', { now: NOW });
    expect(!r.ok && r.error).toBe('legacy-format');
  });

  it('a legacy number needs its type characters and a non-zero sequence', () => {
    expect(readCaseNumber('（2013）郑字第123号', { now: NOW }).ok).toBe(false);
    expect(readCaseNumber('（2013）郑民初字第000号', { now: NOW }).ok).toBe(false);
  });
});
