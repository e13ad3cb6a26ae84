/**
 * Structured log: one JSON object per line, `{t, level, event, ...fields}`. Events are stable
 * dotted names (`sync.push.failed`) so IT staff can grep them; fields pass through redact().
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { redact } from './redact.js';

export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  file?: string;
  level?: Level;
  /** Also write to stderr (CLI and development). */
  stderr?: boolean;
  /** Collect lines in memory (tests assert on what was logged). */
  sink?: string[];
}

export function createLogger(opts: LoggerOptions = {}, base: Record<string, unknown> = {}): Logger {
  const min = ORDER[opts.level ?? (process.env.YZT_LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info;
  if (opts.file) mkdirSync(dirname(opts.file), { recursive: true });
  const write = (level: Level, event: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < min) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact({ ...base, ...fields }) as object) });
    if (opts.file) appendFileSync(opts.file, line + '\n');
    if (opts.stderr) process.stderr.write(line + '\n');
    opts.sink?.push(line);
  };
  return {
    debug: (e, f) => write('debug', e, f),
    info: (e, f) => write('info', e, f),
    warn: (e, f) => write('warn', e, f),
    error: (e, f) => write('error', e, f),
    child: (fields) => createLogger(opts, { ...base, ...fields }),
  };
}

export const silentLogger: Logger = createLogger({ level: 'error', sink: [] });
