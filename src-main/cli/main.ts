/**
 * `yzt`: the command line for IT staff. Each sub-command lives in its own file under
 * commands/ and is listed in commands/index.ts.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COMMANDS, type LazyCommand } from './commands/index.js';
import { UsageError, type CliCommand, type CliIO } from './command.js';
import { AppError } from '../../src-shared/api/errors.js';

const io: CliIO = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * The built CLI ships this overview as written by its build (scripts/build-node.mjs), beside
 * the bundle: making it means loading every command and the packages they use, a second of CPU
 * for `yzt --help`. From sources there is no such file and it is made here.
 */
function prebuiltOverview(): string | null {
  try {
    return readFileSync(new URL('./overview.txt', import.meta.url), 'utf8');
  } catch {
    return null;
  }
}

async function overview(): Promise<string> {
  const prebuilt = prebuiltOverview();
  if (prebuilt !== null) return prebuilt;
  const all = await Promise.all(COMMANDS.map((c) => c.load()));
  const width = Math.max(...all.map((c) => c.path.join(' ').length));
  return [
    'yzt — 执行一证通 kiosk tools for IT staff',
    '',
    'Usage: yzt <command> [options]      yzt <command> --help',
    '',
    ...all.map((c) => `  ${c.path.join(' ').padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

function findCommand(argv: string[]): { command: LazyCommand; rest: string[] } | undefined {
  let best: { command: LazyCommand; rest: string[] } | undefined;
  for (const command of COMMANDS) {
    const n = command.path.length;
    if (argv.length >= n && command.path.every((w, i) => argv[i] === w) && (!best || n > best.command.path.length)) {
      best = { command, rest: argv.slice(n) };
    }
  }
  return best;
}

export async function runCli(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(await overview());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`未知命令 (unknown command): ${argv.join(' ')}\n`);
    io.err(await overview());
    return 2;
  }
  const { rest } = found;
  const command: CliCommand = await found.command.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help.trim());
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(parsed as never, io);
  } catch (e) {
    if (e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'))) {
      io.err(`${(e as Error).message}\n`);
      io.err(command.help.trim());
      return 2;
    }
    // A refusal with words for the person at the terminal (a missing database key, a database
    // from the future) is said in those words, not as a stack trace.
    if (e instanceof AppError) {
      io.err(`${e.message_zh} (${e.message_en}) [${e.code}]`);
      return 1;
    }
    throw e;
  }
}
