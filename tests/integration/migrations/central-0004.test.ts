import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadMigrations, migrate } from '../../../src-main/db/migrate.js';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';

describe('central migration 0004_clerk_records', () => {
  it('adds clerk records, their per-court sequence and court tokens to a version 3 database, keeping its cases', () => {
    const db = new Database(':memory:');
    const all = loadMigrations(join(MIGRATIONS_DIR, 'central'));
    migrate(db, all, { target: 3 });
    db.prepare("INSERT INTO devices (device_id, court_code, first_seen_at, last_seen_at) VALUES ('d1', '豫0811', 't', 't')").run();
    migrate(db, all, { target: 4 });
    expect(db.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });

    const put = (court: string, seq: number, id: string) =>
      db.prepare("INSERT INTO clerk_records (court_code, seq, id, filing_id, kind, created_at, received_at, record_json) VALUES (?, ?, ?, 'f1', 'done', 't', 't', '{}')").run(court, seq, id);
    put('豫0811', 1, 'r1');
    put('豫0823', 1, 'r2');
    expect(() => put('豫0811', 2, 'r1')).toThrow(/UNIQUE/);
    expect(() => put('豫0811', 1, 'r3')).toThrow(/UNIQUE|PRIMARY KEY/);
    const bump = db.prepare("INSERT INTO clerk_record_seqs (court_code, last_seq) VALUES ('豫0811', 1) ON CONFLICT (court_code) DO UPDATE SET last_seq = clerk_record_seqs.last_seq + 1 RETURNING last_seq");
    expect([bump.get(), bump.get()]).toEqual([{ last_seq: 1 }, { last_seq: 2 }]);

    db.prepare("INSERT INTO court_tokens (token_hash, court_id, court_code, created_at) VALUES ('h', 'jiaozuo-shanyang', '豫0811', 't')").run();
    expect(() => db.prepare("INSERT INTO court_tokens (token_hash, court_id, court_code, created_at) VALUES ('h', 'wuzhi', '豫0823', 't')").run()).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
