/**
 * Numbered SQL migrations (`migrations/<schema>/NNNN_name.sql`), each applied in its own
 * transaction together with the version bump, so a crash leaves the database at a whole
 * version. A database written by a newer app is refused: running old code on it would
 * silently misread columns it does not know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseFromFutureError extends Error {
  readonly message_zh: string;
  constructor(
    readonly dbVersion: number,
    readonly appVersion: number,
    readonly file: string,
  ) {
    super(`database ${file} is at schema version ${dbVersion}, newer than this app supports (${appVersion}); install the newer app or restore a backup`);
    this.name = 'DatabaseFromFutureError';
    this.message_zh = `数据库版本（${dbVersion}）高于本程序支持的版本（${appVersion}），请安装新版程序或由技术人员恢复备份`;
  }
}

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => {
      const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(f);
      if (!m) throw new Error(`migration file name must be NNNN_name.sql: ${f}`);
      return { version: Number(m[1]), name: m[2] ?? '', sql: readFileSync(join(dir, f), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}`);
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations up to `target` (default: all). Returns the versions applied. */
export function migrate(db: Database, migrations: Migration[], opts: { target?: number } = {}): number[] {
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) throw new DatabaseFromFutureError(current, latest, db.name);
  const target = opts.target ?? latest;
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
