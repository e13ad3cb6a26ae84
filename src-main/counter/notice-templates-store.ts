/**
 * A court's own wording of the notice drafts, kept in the kiosk database (so a config export
 * carries it); the built-in draft when the court has none. Unknown placeholders are refused
 * at saving, so a typo shows up when the template is set, not on a printed notice.
 */
import type { Db } from '../db/open.js';
import { AppError } from '../../src-shared/api/errors.js';
import type { NoticeKind } from '../../src-shared/counter/contract.js';
import { DEFAULT_NOTICE_TEMPLATES, NOTICE_PLACEHOLDERS } from '../../src-shared/counter/notice-templates.js';

export function noticeTemplate(db: Db, kind: NoticeKind): { body: string; custom: boolean } {
  const row = db.prepare('SELECT body FROM counter_templates WHERE kind = ?').get(kind) as { body: string } | undefined;
  return row ? { body: row.body, custom: true } : { body: DEFAULT_NOTICE_TEMPLATES[kind], custom: false };
}

export function setNoticeTemplate(db: Db, kind: NoticeKind, body: string, now: Date): void {
  const text = body.replace(/\r\n/g, '\n').trim();
  if (!text || text.length > 5000) throw new AppError('counter.template-size', '模板不能为空，且不超过 5000 字', 'A template must have 1-5000 characters');
  const unknown = [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => (m[1] ?? '').trim()).filter((n) => !(NOTICE_PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length > 0) {
    throw new AppError('counter.template-placeholder', `模板中有无法识别的占位符：${unknown.join('、')}（可用：${NOTICE_PLACEHOLDERS.join('、')}）`, `Unknown placeholders: ${unknown.join(', ')}`);
  }
  db.prepare('INSERT INTO counter_templates (kind, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at').run(kind, text, now.toISOString());
}

export function resetNoticeTemplate(db: Db, kind: NoticeKind): void {
  db.prepare('DELETE FROM counter_templates WHERE kind = ?').run(kind);
}
