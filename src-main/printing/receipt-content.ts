/**
 * What the receipt says, once, for paper and PDF alike: court, the number(s) — the official
 * 案号 when the central has answered, else the provisional number with a plain word that the
 * official one follows — the basis, the amount, what happens next, and the QR for status.
 * Only masked personal data: the receipt may be left lying in the lobby.
 */
import type { FilingView } from '../../src-shared/domain/filing.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { dueDateText } from '../../src-shared/calendar/unconfirmed-note.js';
import { enforcementTypeInfo } from '../../src-shared/casenum/type-codes.js';
import { NEXT_STEPS } from '../../src-shared/i18n/applicant-texts.js';
import type { ReceiptLine } from '../../hardware/printer/escpos.js';

/** 至实际清偿之日止: the amount printed counts interest to one day only; say that it keeps running. */
export function untilPaidLine(i: { from: string; ratePercent: string; countedTo: string }): string {
  return `利息：自${i.from}起按年利率${i.ratePercent}%计至实际清偿之日止（上列金额算至${i.countedTo}，之后继续计算）`;
}

export function receiptLines(f: FilingView, courtName: string, receiptCode: string, now: Date): ReceiptLine[] {
  const type = f.typeCode ? enforcementTypeInfo(f.typeCode)?.name_zh ?? f.typeCode : '执行';
  const lines: ReceiptLine[] = [
    { kind: 'text', text: courtName, align: 'center', bold: true },
    { kind: 'text', text: '执行立案申请回执', align: 'center', bold: true, size: 2 },
    { kind: 'rule' },
  ];
  if (f.officialNo) {
    lines.push({ kind: 'text', text: '案号：', bold: true }, { kind: 'text', text: f.officialNo, size: 2 });
    lines.push({ kind: 'text', text: `临时编号：${f.provisionalNo}` });
  } else {
    lines.push({ kind: 'text', text: '临时编号（不是正式案号）：', bold: true }, { kind: 'text', text: f.provisionalNo, bold: true });
    lines.push({ kind: 'text', text: '网络恢复后系统自动取得正式案号，凭此临时编号或二维码可随时查询。' });
  }
  lines.push(
    { kind: 'text', text: `申请类型：${type}` },
    { kind: 'text', text: `申请人：${f.applicantNameMasked}` },
    { kind: 'text', text: `被执行人：${f.respondentNames.join('、')}` },
    { kind: 'text', text: `执行依据：${f.basisNumber}` },
    { kind: 'text', text: `申请金额：${formatYuan(f.amountFen)} 元` },
    ...(f.interestUntilPaid ? [{ kind: 'text', text: untilPaidLine(f.interestUntilPaid) } as ReceiptLine] : []),
    { kind: 'text', text: `提交时间：${new Date(f.submittedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}` },
    { kind: 'rule' },
    { kind: 'text', text: '接下来：', bold: true },
    ...NEXT_STEPS.zh.map((s, i): ReceiptLine => ({ kind: 'text', text: `${i + 1}. ${s}` })),
  );
  if (f.nextDeadline) lines.push({ kind: 'text', text: `下一时间节点：${f.nextDeadline.label_zh} ${dueDateText(f.nextDeadline.dueDate, f.nextDeadline.calendarConfirmed)}` });
  lines.push(
    { kind: 'qr', data: receiptCode, module: 6 },
    { kind: 'text', text: '在自助终端“查询申请进度”处扫描此码', align: 'center' },
    { kind: 'text', text: `打印时间：${now.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}`, align: 'center' },
  );
  return lines;
}
