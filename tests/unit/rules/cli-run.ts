/** Runs a yzt command object as main.ts would, capturing its output (no child process). */
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../../src-main/cli/command.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function inProcess(cmd: CliCommand, args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const parsed = parseArgs({ args, options: cmd.options, allowPositionals: true, strict: true });
  const code = await cmd.run(parsed as never, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
