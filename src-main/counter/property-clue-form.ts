/**
 * The 财产线索调查表 (seed 003 ch.3 七、2: an applicant who gives property clues fills it in):
 * filled at the counter from the clues and payee account the applicant gave at the kiosk, for
 * the applicant to check, complete and sign; the judge then has 5 days to verify clear clues
 * (48 hours when urgent), which the form states.
 */
import { PROPERTY_CLUE_LABEL, type PayeeAccount, type PropertyClue } from '../../src-shared/counter/property-clues.js';
import { fieldLine, renderPdf, section, writeText } from './pdf-writer.js';

export interface PropertyClueForm {
  courtName: string;
  caseNumber: string;
  applicant: string;
  respondents: string[];
  clues: readonly PropertyClue[];
  payee: PayeeAccount | null;
  /** China date for the form, e.g. 2026年12月03日. */
  date: string;
}

export function propertyCluePdf(f: PropertyClueForm, fontFile?: string): Promise<Buffer> {
  return renderPdf(`财产线索调查表 ${f.caseNumber}`, (doc) => {
    writeText(doc.fontSize(13), f.courtName, { align: 'center' });
    writeText(doc.moveDown(0.3).fontSize(20), '财产线索调查表', { align: 'center', characterSpacing: 4 });
    doc.moveDown(0.6);
    fieldLine(doc, '案号', f.caseNumber);
    fieldLine(doc, '申请执行人', f.applicant);
    fieldLine(doc, '被执行人', f.respondents.join('、'));
    const clues = f.clues.length
      ? f.clues.map((c, i) => `${i + 1}. 【${PROPERTY_CLUE_LABEL[c.kind].zh}】${c.description}`).join('\n')
      : '（申请人在自助终端未填写，请当面补充）';
    section(doc, '一、被执行人财产线索（类别、所在地、权属、账号或编号等）', clues);
    section(doc, '二、补充线索', '\n\n\n');
    section(doc, '三、申请执行人收款账户', f.payee ? `户名：${f.payee.accountName}\n开户行：${f.payee.bank}\n账号：${f.payee.accountNumber}` : '（未提供）');
    writeText(doc.moveDown(0.6).fontSize(11), '财产线索明确具体的，承办人应当在5日内调查核实；情况紧急的，应当在48小时内调查核实。', { indent: 23 });
    writeText(doc.moveDown(0.3).fontSize(11), '申请执行人保证以上线索真实，如有虚假，愿承担相应法律责任。', { indent: 23 });
    doc.moveDown(1.5);
    writeText(doc.fontSize(12), `申请执行人（签名）：________________        日期：${f.date}`);
    doc.moveDown(1.2);
    writeText(doc.fontSize(12), '接收人（签名）：________________');
  }, fontFile);
}
