/** Notice templates: filling, the placeholders left empty, the refusal that names them, and which notices a case may have. */
import { describe, expect, it } from 'vitest';
import { BLANK, DEFAULT_NOTICE_TEMPLATES, emptyPlaceholderMessage, emptyPlaceholders, fillTemplate, noticeKindsFor, recipientOf } from '../../../src-shared/counter/notice-templates.js';
import { NOTICE_KINDS } from '../../../src-shared/counter/contract.js';

const FULL = {
  法院: '焦作市山阳区人民法院', 案号: '（2026）豫0811执12号', 申请执行人: '张三', 被执行人: '李四', 执行依据: '（2025）豫0811民初123号',
  金额: '7,500.00', 日期: '2026年11月23日', 收件人: '李四', 立案日期: '2026年11月23日', 交款账户: '户名：焦作市山阳区人民法院，开户行：示例银行，账号：6222 0000 1111', 督促期限: '2026年12月25日',
};

describe('notice templates', () => {
  it('fills every placeholder of the built-in 执行通知书: date, amount, account, recipient', () => {
    const text = fillTemplate(DEFAULT_NOTICE_TEMPLATES.enforcement, FULL);
    expect(text).not.toContain('{{');
    expect(text).not.toContain(BLANK);
    expect(text.startsWith('李四：')).toBe(true);
    expect(text).toContain('本院已于2026年11月23日立案执行');
    expect(text).toContain('支付7,500.00元');
    expect(text).toContain('账号：6222 0000 1111');
    expect(emptyPlaceholders(DEFAULT_NOTICE_TEMPLATES.enforcement, FULL)).toEqual([]);
  });

  it('shows an empty placeholder as a blank and names each empty one once, in order', () => {
    const values = { ...FULL, 交款账户: '', 案号: '  ' };
    const text = fillTemplate(DEFAULT_NOTICE_TEMPLATES.enforcement, values);
    expect(text).toContain(`案号为${BLANK}`);
    expect(text).toContain(`（一案一账户）：${BLANK}`);
    expect(emptyPlaceholders(DEFAULT_NOTICE_TEMPLATES.enforcement, values)).toEqual(['案号', '交款账户']);
    // A placeholder the values do not know (a court's template) counts as empty too.
    expect(emptyPlaceholders('{{收件人}}：{{其他}}', FULL)).toEqual(['其他']);
  });

  it('refuses with a message naming each empty placeholder in Chinese and English', () => {
    const m = emptyPlaceholderMessage(['交款账户', '督促期限']);
    expect(m.message_zh).toContain('{{交款账户}}、{{督促期限}}');
    expect(m.message_zh).toContain('不能签发');
    expect(m.message_en).toContain('{{交款账户}} (payment account), {{督促期限}} (supervision deadline)');
    expect(m.message_en).toContain('cannot be issued');
  });

  it('gives a 执前督 case the 督促履行通知书 and none that says the case is filed', () => {
    expect(noticeKindsFor('执前督')).toEqual(['supervision']);
    expect(noticeKindsFor('执')).toEqual(['acceptance', 'enforcement', 'property-report']);
    expect(DEFAULT_NOTICE_TEMPLATES.supervision).not.toContain('立案执行，');
    expect(fillTemplate(DEFAULT_NOTICE_TEMPLATES.supervision, FULL)).toContain('于2026年12月25日前履行完毕');
    for (const k of NOTICE_KINDS) expect(DEFAULT_NOTICE_TEMPLATES[k].startsWith('{{收件人}}：')).toBe(true);
  });

  it('addresses the acceptance notice to the applicant and the others to the respondent', () => {
    expect(recipientOf('acceptance')).toBe('applicant');
    for (const k of ['enforcement', 'property-report', 'supervision'] as const) expect(recipientOf(k)).toBe('respondent');
  });
});
