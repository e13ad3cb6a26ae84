/**
 * Structured log: one JSON object per line, `{t, level, event, ...fields}`. Events are stable
 * dotted names (`sync.push.failed`) so IT staff can grep them; fields pass through redact().
 * The file rotates by size so a kiosk left alone for a year does not fill its disk.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
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
  /** Rotate the file past this size (default 5 MiB), keeping `keep` old files (default 5). */
  maxBytes?: number;
  keep?: number;
}

/** kiosk.log -> kiosk.log.1 -> ... -> kiosk.log.<keep>, the oldest dropped. */
export function rotate(file: string, keep: number): void {
  rmSync(`${file}.${keep}`, { force: true });
  for (let i = keep - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
  if (existsSync(file)) renameSync(file, `${file}.1`);
}

function fileWriter(file: string, maxBytes: number, keep: number): (line: string) => void {
  mkdirSync(dirname(file), { recursive: true });
  let size = existsSync(file) ? statSync(file).size : 0;
  return (line) => {
    const bytes = Buffer.byteLength(line) + 1;
    if (size > 0 && size + bytes > maxBytes) {
      rotate(file, keep);
      size = 0;
    }
    appendFileSync(file, line + '\n');
    size += bytes;
  };
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const min = ORDER[opts.level ?? (process.env.YZT_LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info;
  const toFile = opts.file ? fileWriter(opts.file, opts.maxBytes ?? 5 * 1024 * 1024, opts.keep ?? 5) : null;
  const make = (base: Record<string, unknown>): Logger => {
    const write = (level: Level, event: string, fields?: Record<string, unknown>) => {
      if (ORDER[level] < min) return;
      const line = JSON.stringify({ t: new Date().toISOString(), level, event, ...(redact({ ...base, ...fields }) as object) });
      toFile?.(line);
      if (opts.stderr) process.stderr.write(line + '\n');
      opts.sink?.push(line);
    };
    return {
      debug: (e, f) => write('debug', e, f),
      info: (e, f) => write('info', e, f),
      warn: (e, f) => write('warn', e, f),
      error: (e, f) => write('error', e, f),
      child: (fields) => make({ ...base, ...fields }),
    };
  };
  return make({});
}

export const silentLogger: Logger = createLogger({ level: 'error', sink: [] });
