/** PostgreSQL for tests: each run in its own schema, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../../../src-main/paths.js';
import pg from 'pg';

export const PG_URL = process.env.YZT_TEST_PG_URL;

export const PG_SKIP_NOTE = 'PostgreSQL tests skipped: npm test starts a cluster where PostgreSQL is installed, or set YZT_TEST_PG_URL=postgres://user:pass@127.0.0.1/db (see docs/testing.md)';

export function freshSchema(): string {
  return `yzt_t_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string): Promise<void> {
  if (!PG_URL) return;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A fresh database on the test server (for a gateway process, which takes a URL only). */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = freshSchema();
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(PG_URL!);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The central on each store a test runs against: options for startCentral, and the clean-up after. */
export const STORES = [
  { name: 'sqlite', skip: false, choice: (dir: string, _schema?: string) => ({ dbFile: join(dir, 'central.sqlite') }), done: async (_schema: string) => {} },
  { name: 'postgres', skip: !PG_URL, choice: (_dir: string, schema = freshSchema()) => ({ pgUrl: PG_URL!, pgSchema: schema }), done: (schema: string) => dropSchema(schema) },
] as const;

/**
 * A fresh schema brought to `version` by the first `version` PostgreSQL migration files, as a
 * gateway of that version left it, then `fill` run on it (the rows a migration test upgrades).
 */
export async function pgSchemaAt(schema: string, version: number, fill: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(`CREATE SCHEMA ${schema}`);
    await c.query(`SET search_path = ${schema}`);
    const dir = join(MIGRATIONS_DIR, 'central', 'pg');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort().slice(0, version)) await c.query(readFileSync(join(dir, f), 'utf8'));
    await c.query(`CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (${version})`);
    await fill(c);
  } finally {
    await c.end();
  }
}
