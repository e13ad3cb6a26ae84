/**
 * The applicant's property clues and payee account as the clerk uses them: item 三 of the
 * first-reception record starts from them, and they fill the 财产线索调查表 (seed 003 ch.3 七、2).
 */
import { PROPERTY_CLUE_KINDS } from '../domain/filing.js';

export type PropertyClueKind = (typeof PROPERTY_CLUE_KINDS)[number];
export interface PropertyClue {
  kind: PropertyClueKind;
  description: string;
}
export interface PayeeAccount {
  accountName: string;
  bank: string;
  accountNumber: string;
}

export const PROPERTY_CLUE_LABEL: Record<PropertyClueKind, { zh: string; en: string }> = {
  bank: { zh: '银行存款', en: 'Bank deposits' },
  'real-estate': { zh: '房产、土地', en: 'Real estate' },
  vehicle: { zh: '车辆', en: 'Vehicles' },
  shares: { zh: '股权、股票', en: 'Shares' },
  receivable: { zh: '到期债权、工资收入', en: 'Receivables, wages' },
  other: { zh: '其他财产', en: 'Other property' },
};

/** A first draft of item 三 in the clerk's words, on one line (the record's fields take no line breaks); the clerk completes it in the interview. */
export function propertySummary(clues: readonly PropertyClue[], payee: PayeeAccount | null): string {
  const listed = clues.map((c, i) => `${i + 1}. ${PROPERTY_CLUE_LABEL[c.kind].zh}：${c.description}`);
  return [
    listed.length ? `申请人在自助终端提供的被执行人财产线索：${listed.join('；')}` : '申请人在自助终端未提供被执行人财产线索',
    payee ? `申请执行人收款账户：${payee.accountName}，${payee.bank}，账号 ${payee.accountNumber}` : '',
  ]
    .filter(Boolean)
    .join('。');
}
