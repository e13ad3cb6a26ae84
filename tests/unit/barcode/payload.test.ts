import { describe, expect, test } from 'vitest';
import { understandPayload, type Finding } from '../../../src-shared/scan/payload.js';

const now = new Date('2026-06-01T00:00:00Z');
const read = (s: string) => understandPayload(s, { now });
const kinds = (fs: Finding[]) => fs.map((f) => `${f.kind}${f.needsConfirmation ? '?' : ''}`);

describe('understandPayload', () => {
  test.each([
    // payload, finding kinds (? = needs confirmation), case number, overall needsConfirmation
    ['（2024）京0105执123号', ['case-number'], '（2024）京0105执123号', false],
    ['(2024)京0105执123号', ['case-number'], '（2024）京0105执123号', false],
    [' （2024）京0105执123号\r\n', ['case-number'], '（2024）京0105执123号', false],
    ['案号:（2023）沪0115执4567号;当事人:张三;金额:12000.00', ['fields?', 'case-number'], '（2023）沪0115执4567号', true],
    ['案号：（2023）沪0115执4567号；当事人：张三', ['fields?', 'case-number'], '（2023）沪0115执4567号', true],
    ['案号=(2023)沪0115执4567号', ['fields?', 'case-number'], '（2023）沪0115执4567号', true],
    ['{"caseNo":"（2025）粤0304执恢88号","court":"深圳市福田区人民法院"}', ['fields?', 'case-number'], '（2025）粤0304执恢88号', true],
    ['{"case_no":"bogus","court":"x"}', ['fields?'], undefined, true],
    ['https://court.example.cn/verify?doc=8f3a91c2', ['url?'], undefined, true],
    ['https://court.example.cn/v?ah=%EF%BC%882024%EF%BC%89%E4%BA%AC0105%E6%89%A7123%E5%8F%B7', ['url?', 'case-number?'], '（2024）京0105执123号', true],
    ['本判决书（2024）京0105执123号已生效', ['case-number?'], '（2024）京0105执123号', true],
    ['核验码 20240512-0098', ['unconfirmed?'], undefined, true],
    ['（2099）京0105执123号', ['unconfirmed?'], undefined, true],
    ['YZT2024000123', ['unconfirmed?'], undefined, true],
    ['javascript:alert(1)', ['unconfirmed?'], undefined, true],
    ['a:b', ['unconfirmed?'], undefined, true],
  ] as const)('%s', (payload, expectedKinds, caseNumber, needsConfirmation) => {
    const r = read(payload);
    expect(kinds(r.findings)).toEqual(expectedKinds);
    expect(r.findings.find((f) => f.kind === 'case-number')?.value).toBe(caseNumber);
    expect(r.needsConfirmation).toBe(needsConfirmation);
    expect(r.summary_zh).not.toBe('');
    expect(r.summary_en).not.toBe('');
  });

  test('empty and control-only payloads say so', () => {
    const r = read('\u0000\u0007  ');
    expect(r).toMatchObject({ text: '', findings: [], needsConfirmation: true, summary_en: 'The barcode is empty' });
  });

  test('fields keep their labels and values', () => {
    const r = read('案号:（2023）沪0115执4567号;当事人:张三');
    expect(r.findings[0]).toEqual({ kind: 'fields', format: 'key-value', value: { 案号: '（2023）沪0115执4567号', 当事人: '张三' }, needsConfirmation: true });
    expect(r.summary_zh).toContain('其余信息请核对');
  });

  test('huge payloads are cut, not choked on', () => {
    const r = read('x'.repeat(100_000));
    expect(r.text.length).toBe(4096);
    expect(kinds(r.findings)).toEqual(['unconfirmed?']);
  });
});
