/**
 * What every deadline shown to a person carries when its date falls in a year without a State
 * Council holiday notice (an unconfirmed calendar year): the date may move when the notice adds
 * bridge days, so the court's own notice decides. Applicant screens, the counter and the receipt
 * all write it the same way.
 */
export const UNCONFIRMED_NOTE_ZH = '以法院通知为准';
export const UNCONFIRMED_NOTE_EN = 'subject to the court’s notice';

/** `2027-05-06（以法院通知为准）` when unconfirmed, the bare date otherwise. */
export function dueDateText(dueDate: string, calendarConfirmed: boolean, lang: 'zh' | 'en' = 'zh'): string {
  if (calendarConfirmed) return dueDate;
  return lang === 'zh' ? `${dueDate}（${UNCONFIRMED_NOTE_ZH}）` : `${dueDate} (${UNCONFIRMED_NOTE_EN})`;
}
