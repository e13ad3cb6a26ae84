import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh folder per test, removed afterwards. */
export function tempDir(prefix = 'yzt-'): { path: string; cleanup(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function fixedClock(iso: string): { now: () => Date; set(iso: string): void; advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), set: (s) => (t = new Date(s).getTime()), advance: (ms) => (t += ms) };
}
