/**
 * The `yzt` process: runs one command and turns what escapes it into a line for the person at
 * the terminal and an exit code. Bundled into dist/node/cli.mjs (scripts/build-node.mjs), which
 * bin/yzt.mjs starts.
 */
import { runCli } from './main.js';

// `yzt ... | head`: the reader went away; that ends the output, it is not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  // Errors meant for people carry a Chinese message first (AppError, DatabaseFromFutureError...).
  const zh = e && typeof e === 'object' && 'message_zh' in e ? `${String(e.message_zh)}\n` : '';
  process.stderr.write(`yzt: ${zh}${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
