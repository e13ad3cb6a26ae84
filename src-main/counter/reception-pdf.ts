/**
 * The first-reception record (初次接待笔录) as printed on the spot for three signatures and
 * bound into the case file (seed 002 art. 6). Its body carries the four contents of seed 003
 * ch.3 §1(一)3 in order, then the clerk's notes.
 */
import type { ReceptionView } from '../../src-shared/counter/contract.js';
import { fieldLine, renderPdf, section, writeText } from './pdf-writer.js';

export interface ReceptionPrint {
  courtName: string;
  caseNumber: string;
  provisionalNo: string;
  reception: ReceptionView;
  /** How the clock reads at the court, for the printed time. */
  localTime: (iso: string) => string;
}

export function receptionPdf(p: ReceptionPrint, fontFile?: string): Promise<Buffer> {
  const r = p.reception;
  return renderPdf(`初次接待笔录 ${p.caseNumber}`, (doc) => {
    writeText(doc.fontSize(13), p.courtName, { align: 'center' });
    writeText(doc.moveDown(0.3).fontSize(20), '初次接待笔录', { align: 'center', characterSpacing: 4 });
    doc.moveDown(0.6);
    fieldLine(doc, '案号', p.caseNumber);
    if (p.provisionalNo !== p.caseNumber) fieldLine(doc, '临时编号', p.provisionalNo);
    // Each version is printed and signed on its own; the number ties the signed page to its text.
    fieldLine(doc, '版本', `第 ${r.version ?? 1} 版`);
    fieldLine(doc, '时间', p.localTime(r.at));
    fieldLine(doc, '地点', r.place);
    fieldLine(doc, '谈话人', r.interviewer);
    fieldLine(doc, '记录人', r.recorder);
    fieldLine(doc, '被谈话人', r.interviewee);
    doc.moveDown(0.3);
    section(doc, '一、确认申请执行人送达地址及联系方式', `送达地址：${r.serviceAddress}\n联系方式：${r.contact}`);
    section(doc, '二、核对执行立案信息', r.filingDataVerified);
    section(doc, '三、被执行人及其财产情况', r.respondentProperty);
    section(doc, '四、对终结本次执行程序的意见', r.terminationView);
    if (r.notes) section(doc, '五、其他事项', r.notes);
    writeText(doc.moveDown(0.6).fontSize(11.5), '以上笔录经被谈话人阅看（或向其宣读），确认无误。', { indent: 23 });
    if (doc.y > doc.page.height - 200) doc.addPage();
    doc.moveDown(1.5);
    for (const who of ['谈话人（签名）', '记录人（签名）', '被谈话人（签名）']) {
      writeText(doc.fontSize(12), `${who}：________________        日期：______年____月____日`);
      doc.moveDown(1.2);
    }
  }, fontFile);
}
