import { readFileSync } from 'node:fs';
import { defineCommand, requireString, UsageError } from '../command.js';
import { noticeTemplate, resetNoticeTemplate, setNoticeTemplate } from '../../counter/notice-templates-store.js';
import { NOTICE_KINDS, NOTICE_TITLE_ZH, type NoticeKind } from '../../../src-shared/counter/contract.js';
import { NOTICE_PLACEHOLDERS } from '../../../src-shared/counter/notice-templates.js';
import { withKioskDb } from '../../counter/cli-db.js';

export const command = defineCommand({
  path: ['counter', 'template'],
  summary: '查看或修改本院文书模板 (show or edit a notice template)',
  help: `
yzt counter template --kind KIND [--set FILE | --reset] [--data DIR]

查看或修改窗口生成的文书草稿模板：acceptance（受理通知书）、enforcement（执行通知书）、
property-report（报告财产令）。不带 --set / --reset 时打印当前模板。
Shows or edits the wording of a notice draft. Without --set or --reset, prints the current
template (the court's own, else the built-in one).

  --kind KIND  acceptance | enforcement | property-report
  --set FILE   replace the template with the UTF-8 text in FILE
  --reset      go back to the built-in template
  --data DIR   kiosk data folder (default $YZT_DATA or ./data/kiosk)

占位符 (placeholders): ${NOTICE_PLACEHOLDERS.map((p) => `{{${p}}}`).join(' ')}
`,
  options: { kind: { type: 'string' }, set: { type: 'string' }, reset: { type: 'boolean' }, data: { type: 'string' } },
  async run({ values }, io) {
    const kind = requireString(values, 'kind');
    if (!(NOTICE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind 须为 ${NOTICE_KINDS.join(' | ')}`);
    const k = kind as NoticeKind;
    return withKioskDb(values, io, (db) => {
      if (typeof values.set === 'string') {
        setNoticeTemplate(db, k, readFileSync(values.set, 'utf8'), new Date());
        io.out(`已更新${NOTICE_TITLE_ZH[k]}模板 (template saved)`);
      } else if (values.reset === true) {
        resetNoticeTemplate(db, k);
        io.out(`已恢复${NOTICE_TITLE_ZH[k]}的默认模板 (template reset)`);
      } else {
        const t = noticeTemplate(db, k);
        io.out(`# ${NOTICE_TITLE_ZH[k]}（${t.custom ? '本院模板' : '默认模板'}）`);
        io.out(t.body);
      }
      return 0;
    });
  },
});
