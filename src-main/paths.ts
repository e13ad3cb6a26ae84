/**
 * Where the app's own files are. Resolved from this file upwards to the folder holding
 * package.json, so it works from sources (tsx), from a bundle in dist/, and when packaged
 * (migrations and the renderer are shipped beside the code, see electron-builder.yml).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  if (process.env.YZT_APP_ROOT) return process.env.YZT_APP_ROOT;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'migrations')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the app root (a folder with package.json and migrations/)');
    dir = up;
  }
}

export const APP_ROOT = findRoot();
export const MIGRATIONS_DIR = join(APP_ROOT, 'migrations');
export const RENDERER_DIST = join(APP_ROOT, 'dist', 'renderer');

/** The kiosk database inside a kiosk data folder; every opener names it through this. */
export function kioskDbFile(dataDir: string): string {
  return join(dataDir, 'kiosk.sqlite');
}
