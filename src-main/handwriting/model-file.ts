/**
 * Where the handwriting model (tegaki's zinnia model for Simplified Chinese, LGPL-2.1+) is.
 * Packaged apps carry it as an extra resource (electron-builder.yml, copied there by
 * scripts/copy-handwriting-model.mjs); a development machine uses Debian's package
 * tegaki-zinnia-simplified-chinese. YZT_HANDWRITING_MODEL overrides both.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../paths.js';

export const MODEL_FILE = 'handwriting-zh_CN.model';
export const DEBIAN_MODEL = `/usr/share/tegaki/models/zinnia/${MODEL_FILE}`;

/** Every place looked at, in order; the first that exists is used. */
export function modelCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  return [
    env.YZT_HANDWRITING_MODEL,
    resources ? join(resources, 'handwriting', MODEL_FILE) : undefined,
    join(APP_ROOT, 'build', 'handwriting', MODEL_FILE),
    DEBIAN_MODEL,
  ].filter((p): p is string => Boolean(p));
}

export function findModelFile(env: NodeJS.ProcessEnv = process.env): string | null {
  return modelCandidates(env).find((p) => existsSync(p)) ?? null;
}
