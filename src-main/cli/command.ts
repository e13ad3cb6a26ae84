import type { ParseArgsConfig } from 'node:util';

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * One `yzt` sub-command. `path` is the words that select it (`['central', 'serve']`);
 * `help` is printed by `--help` and must name every option.
 */
export interface CliCommand<O extends Options = Options> {
  path: string[];
  summary: string;
  help: string;
  options: O;
  /** Returns the process exit code. Long-running commands resolve when they stop. */
  run(args: { values: Record<string, string | boolean | string[] | boolean[] | undefined>; positionals: string[] }, io: CliIO): Promise<number>;
}

export function defineCommand<O extends Options>(c: CliCommand<O>): CliCommand {
  return c as unknown as CliCommand;
}

/** Thrown for wrong usage; printed with the command's help, exit code 2. */
export class UsageError extends Error {}

export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`缺少参数 --${name} (missing --${name})`);
  return v;
}

export function optionalInt(values: Record<string, unknown>, name: string, fallback: number): number {
  const v = values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} 需要一个非负整数 (--${name} takes a whole number)`);
  return n;
}
