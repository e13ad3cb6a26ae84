/**
 * A process that opens a kiosk database, hands its checkpoints to the worker, writes, then
 * unregisters and closes with nothing else keeping it alive (wal-checkpoint-worker.test.ts).
 * Prints `closed` once db.close() has run; it must then exit on its own. With `leave`, it
 * ends with the database still registered and open: the worker must not keep it alive either.
 */
import { join } from 'node:path';
import { openDatabase } from '../../../../src-main/db/open.js';
import { walCheckpoints } from '../../../../src-main/db/wal-checkpointer.js';
import { createLogger } from '../../../../src-main/log/logger.js';

const file = join(process.argv[2] ?? '.', 'kiosk.sqlite');
const db = openDatabase(file, 'kiosk');
const ready = new Promise((resolve) => walCheckpoints.on('ready', resolve));
const wal = walCheckpoints.register(db, { file, schema: 'kiosk', log: createLogger({ level: 'info', stderr: true }) });
await ready;
db.exec('CREATE TABLE filler (x BLOB); INSERT INTO filler SELECT randomblob(4000) FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) SELECT i FROM n)');
if (process.argv[3] === 'leave') {
  console.log('left');
} else {
  await wal.unregister();
  db.close();
  console.log('closed');
}
