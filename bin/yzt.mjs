#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx yzt ...` works in a checkout without a build.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/cli/main.ts');
try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`yzt: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
