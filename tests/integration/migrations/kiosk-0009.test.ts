import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('kiosk migration 0009_document_upload', () => {
  it('marks every page and reception scan of a version 8 database as not yet uploaded, keeping the bytes', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'kiosk'));
    migrate(db, all, { target: 8 });
    db.prepare("INSERT INTO filings (id, provisional_no, court_id, court_code, type_code, status, applicant_key, submitted_at, record_json, updated_at) VALUES ('f1', '临-1', 'c', '豫0811', '执', 'accepted', 'k', 't', '{}', 't')").run();
    db.prepare("INSERT INTO documents (id, holder, filing_id, kind, mime, bytes, sha256, created_at) VALUES ('d1', NULL, 'f1', 'basis', 'image/png', x'89504e47', 'h', 't')").run();
    db.prepare("INSERT INTO documents (id, holder, filing_id, kind, mime, bytes, sha256, created_at) VALUES ('d2', 'session', NULL, 'basis', 'image/png', x'89504e47', 'h', 't')").run();
    db.prepare(
      `INSERT INTO counter_receptions (filing_id, at, interviewer, recorder, interviewee, place, service_address, contact, filing_data, respondent_property, termination_view, notes, clerk, saved_at, scan_mime, scan_bytes, scan_sha256, scan_at)
       VALUES ('f1', 't', 'a', 'b', 'c', 'p', 's', 'c', 'f', 'r', 't', '', 'wang', 't', 'image/png', x'89504e47', 'h', 't')`,
    ).run();
    migrate(db, all, { target: 9 });

    expect(db.prepare('SELECT id, uploaded_at, upload_error, length(bytes) AS n FROM documents ORDER BY id').all()).toEqual([
      { id: 'd1', uploaded_at: null, upload_error: null, n: 4 },
      { id: 'd2', uploaded_at: null, upload_error: null, n: 4 },
    ]);
    expect(db.prepare('SELECT scan_id, scan_uploaded_at, length(scan_bytes) AS n FROM counter_receptions').get()).toEqual({ scan_id: null, scan_uploaded_at: null, n: 4 });
    // The upload queue reads the partial index: a filed page waiting, not a page still held by a session.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE filing_id IS NOT NULL AND uploaded_at IS NULL ORDER BY created_at").all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/documents_upload_pending/);
    expect(db.prepare('SELECT id FROM documents WHERE filing_id IS NOT NULL AND uploaded_at IS NULL').pluck().all()).toEqual(['d1']);
  });
});
