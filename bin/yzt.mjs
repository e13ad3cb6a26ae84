#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx yzt ...` works in a checkout without a build.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  // Errors meant for people carry a Chinese message first (AppError, DatabaseFromFutureError...).
  const zh = e && typeof e === 'object' && 'message_zh' in e ? `${e.message_zh}\n` : '';
  process.stderr.write(`yzt: ${zh}${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
