import { defineCommand, optionalInt, requireString } from '../command.js';
import { startCentral } from '../../central/central-server.js';
import { createLogger } from '../../log/logger.js';

export const command = defineCommand({
  path: ['central', 'serve'],
  summary: '启动法院中心网关 (run the central gateway)',
  help: `
yzt central serve --port N --db FILE [--host ADDR]

启动法院中心网关：接收各终端同步上来的立案申请，按法院、类型代字、年度分配正式案号。
Runs the central gateway: receives filings synced from kiosks and assigns official case
numbers on one gapless sequence per (court, type code, year).

  --port N     TCP port (0 picks a free one; the URL is printed on start)
  --db FILE    SQLite database file (created if missing)
  --host ADDR  address to listen on (default 127.0.0.1)
`,
  options: { port: { type: 'string' }, db: { type: 'string' }, host: { type: 'string' } },
  async run({ values }, io) {
    const log = createLogger({ stderr: true });
    const central = await startCentral({
      dbFile: requireString(values, 'db'),
      port: optionalInt(values, 'port', 0),
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      log,
    });
    io.out(`central gateway listening on ${central.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await central.close();
    return 0;
  },
});
