/** Picks the central's store: PostgreSQL when a URL is given, else a SQLite file. */
import type { CentralStore } from './store.js';
import type { Logger } from '../log/logger.js';
import { SqliteCentralStore } from './sqlite-store.js';
import { PgCentralStore } from './pg-store.js';

export interface StoreChoice {
  dbFile?: string | undefined;
  pgUrl?: string | undefined;
  /** PostgreSQL schema (tests keep each run apart). */
  pgSchema?: string | undefined;
  /** The gateway's log: a SQLite store's checkpoints then run in a worker, which logs there. */
  log?: Logger | undefined;
}

export async function openCentralStore(c: StoreChoice): Promise<CentralStore> {
  if (c.pgUrl) return PgCentralStore.open(c.pgUrl, c.pgSchema ? { schema: c.pgSchema } : {});
  if (c.dbFile) return new SqliteCentralStore(c.dbFile, { log: c.log });
  throw new Error('central store: give a SQLite file (--db) or a PostgreSQL URL (--pg)');
}
