import { describe, expect, it } from 'vitest';
import { isMobile, maskPhone, scrubPersonal } from '../../../src-shared/sms/sms-content.js';
import { DEFAULT_SMS_TEMPLATES, SMS_EVENTS, renderSms, templateProblem } from '../../../src-shared/sms/sms-events.js';

describe('what a progress SMS may carry', () => {
  it('masks a phone as 138****1234 and accepts only mainland mobiles', () => {
    expect(maskPhone('138 1234 1234')).toBe('138****1234');
    expect(isMobile('13812341234')).toBe(true);
    expect(isMobile('0391-1234567')).toBe(false);
    expect(isMobile('12812341234')).toBe(false);
  });

  it('blanks the record’s personal strings, amounts and long digit runs in free text', () => {
    const out = scrubPersonal('被执行人王五住河南省焦作市某路1号，欠款12,000.50元，卡号6222020200112233445', ['王五', '河南省焦作市某路1号']);
    expect(out).not.toMatch(/王五|某路|12,000|6222/);
    expect(out).toContain('被执行人');
  });

  it('refuses templates with unknown placeholders or digit runs, and keeps the defaults valid', () => {
    expect(templateProblem('{{姓名}}您好')?.message_zh).toContain('{{姓名}}');
    expect(templateProblem('请致电03911234567')?.message_en).toMatch(/digit/);
    expect(templateProblem('   ')).not.toBeNull();
    for (const e of SMS_EVENTS) expect(templateProblem(DEFAULT_SMS_TEMPLATES[e])).toBeNull();
  });

  it('fills the placeholders and leaves none behind', () => {
    expect(renderSms(DEFAULT_SMS_TEMPLATES.closed, { 法院: '某法院', 案号: '（2026）豫0811执1号', 状态: '已结案' })).toBe('【某法院】您的执行案件（2026）豫0811执1号已结案。');
    expect(renderSms('{{案号}}{{团队}}', { 案号: 'X' })).toBe('X');
  });
});
