/** The `--db FILE | --pg URL` pair every `yzt central ...` command takes. */
import { UsageError } from '../command.js';
import { openCentralStore } from '../../central/open-store.js';
import type { CentralStore } from '../../central/store.js';

export const STORE_OPTIONS = { db: { type: 'string' }, pg: { type: 'string' } } as const;

export const STORE_HELP = `  --db FILE    the central's SQLite database file
  --pg URL     or its PostgreSQL database, e.g. postgres://user:pass@host/db`;

export function storeChoice(values: Record<string, unknown>): { dbFile?: string; pgUrl?: string } {
  const db = typeof values.db === 'string' && values.db !== '' ? values.db : undefined;
  const pg = typeof values.pg === 'string' && values.pg !== '' ? values.pg : (process.env.YZT_CENTRAL_PG ?? undefined);
  if (!db && !pg) throw new UsageError('请给出 --db FILE 或 --pg URL (give --db FILE or --pg URL)');
  return pg ? { pgUrl: pg } : { dbFile: db! };
}

export async function withStore<T>(values: Record<string, unknown>, fn: (s: CentralStore) => Promise<T>): Promise<T> {
  const store = await openCentralStore(storeChoice(values));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
