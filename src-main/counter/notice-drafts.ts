/**
 * A notice as the counter drafts and issues it: the court's template (or the built-in one)
 * filled from the case as it stands now — the amount after the clerks' corrections (applied to
 * the record held here, and pulled from the central), the filing date by China time (the
 * central's acceptance once numbered), the court's 一案一账户 account from its profile, the
 * recipient the notice is addressed to. A placeholder the case cannot fill is a blank in the
 * draft and stops issuing, named in the refusal.
 */
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { CourtProfile, PaymentAccount } from '../../src-shared/courts/court-profile.js';
import { NOTICE_TITLE_EN, NOTICE_TITLE_ZH, type NoticeDraft, type NoticeKind } from '../../src-shared/counter/contract.js';
import { emptyPlaceholderMessage, emptyPlaceholders, fillTemplate, noticeKindsFor, recipientOf, type NoticeValues } from '../../src-shared/counter/notice-templates.js';
import { chinaDate } from '../../src-shared/time/china-time.js';
import { formatYuan } from '../../src-shared/domain/money.js';
import { noticeTemplate } from './notice-templates-store.js';
import { renderPdf, writeText } from './pdf-writer.js';
import type { LoadedFiling } from './queue.js';

/** `YYYY-MM-DD` as printed on a notice: 2026年11月23日. */
export function printedDate(isoDate: string): string {
  return `${isoDate.slice(0, 4)}年${isoDate.slice(5, 7)}月${isoDate.slice(8, 10)}日`;
}

export function accountText(a: PaymentAccount | undefined): string {
  if (!a) return '';
  return `户名：${a.accountName}，开户行：${a.bank}，账号：${a.accountNo}`;
}

export interface NoticeCase {
  filing: LoadedFiling;
  /** The central's acceptance time once numbered (filings.accepted_at), else null. */
  acceptedAt: string | null;
  /** 执前督: the end of supervised performance, set at hand-over (YYYY-MM-DD); else null. */
  supervisionDue: string | null;
  /** The basis as the notice names it (number and document, e.g. （2024）豫0811民初1号民事调解书); else the filed number. */
  basis?: string;
}

export function noticeValues(kind: NoticeKind, c: NoticeCase, court: CourtProfile, now: Date): NoticeValues {
  const { row, record } = c.filing;
  const respondents = row.respondentNames.join('、');
  return {
    法院: court.name,
    // A notice goes out under the official number only: before numbering it stays blank.
    案号: row.officialNo ?? '',
    申请执行人: row.applicantName,
    被执行人: respondents,
    执行依据: c.basis || record.basisNumber,
    金额: formatYuan(record.amountFen),
    日期: printedDate(chinaDate(now)),
    收件人: recipientOf(kind) === 'applicant' ? row.applicantName : respondents,
    立案日期: printedDate(chinaDate(new Date(c.acceptedAt ?? row.submittedAt))),
    交款账户: accountText(court.paymentAccount),
    督促期限: c.supervisionDue ? printedDate(c.supervisionDue) : '',
  };
}

/** The filing's central acceptance time, as the kiosk database holds it. */
export function acceptedAtOf(db: Db, filingId: string): string | null {
  return (db.prepare('SELECT accepted_at FROM filings WHERE id = ?').pluck().get(filingId) as string | null | undefined) ?? null;
}

/** Refuses a notice the case may not have (the 执行通知书 says the case is filed: never for 执前督). */
export function checkNoticeKind(kind: NoticeKind, typeCode: string): void {
  if (noticeKindsFor(typeCode).includes(kind)) return;
  if (typeCode === '执前督') {
    throw new AppError('counter.notice-kind', `执前督案件尚未立案执行，不能制作${NOTICE_TITLE_ZH[kind]}，请制作督促履行通知书`, `A pre-enforcement supervision (执前督) case is not filed for enforcement: no ${NOTICE_TITLE_EN[kind]}; draft the notice of supervised performance`);
  }
  throw new AppError('counter.notice-kind', `${NOTICE_TITLE_ZH[kind]}仅用于执前督案件`, `The ${NOTICE_TITLE_EN[kind]} is for pre-enforcement supervision (执前督) cases only`);
}

export async function noticeDocument(db: Db, kind: NoticeKind, c: NoticeCase, court: CourtProfile, now: Date, opts: { issue: boolean; fontFile?: string | undefined }): Promise<NoticeDraft> {
  checkNoticeKind(kind, c.filing.row.typeCode);
  const tpl = noticeTemplate(db, kind).body;
  const values = noticeValues(kind, c, court, now);
  const empty = emptyPlaceholders(tpl, values);
  if (opts.issue && empty.length > 0) {
    const m = emptyPlaceholderMessage(empty);
    throw new AppError('counter.notice-empty', m.message_zh, m.message_en);
  }
  const text = fillTemplate(tpl, values);
  const title = NOTICE_TITLE_ZH[kind];
  const number = c.filing.row.officialNo ?? c.filing.row.provisionalNo;
  const pdf = await renderPdf(`${title} ${number}`, (doc) => {
    writeText(doc.fontSize(14), court.name, { align: 'center' });
    writeText(doc.moveDown(0.3).fontSize(20), title, { align: 'center', characterSpacing: 4 });
    writeText(doc.moveDown(0.3).fontSize(12), c.filing.row.officialNo ?? `（待编号）临时编号 ${number}`, { align: 'right' });
    writeText(doc.moveDown(0.8).fontSize(12), text, { lineGap: 5, paragraphGap: 6 });
    writeText(doc.moveDown(2), court.name, { align: 'right' });
    writeText(doc, values.日期 ?? '', { align: 'right' });
    if (!opts.issue) writeText(doc.moveDown(1).fontSize(10), '（草稿，经审核签发并加盖院印后生效）', { align: 'center' });
  }, opts.fontFile);
  return { pdfBase64: pdf.toString('base64'), fileName: `${title}${opts.issue ? '' : '（草稿）'}-${number}.pdf`, text, empty };
}
