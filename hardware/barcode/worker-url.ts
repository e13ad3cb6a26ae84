/**
 * Starts a worker thread from a sibling module. A bundled build ships `NAME.js` next to its
 * caller and runs it directly; in a source checkout (tsx, vitest) only `NAME.ts` exists and the
 * worker first registers tsx, because Node 20 workers do not inherit the parent's loader hooks.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  const js = new URL(`./${name}.js`, callerUrl);
  if (existsSync(fileURLToPath(js))) return new Worker(js, options);
  const ts = new URL(`./${name}.ts`, callerUrl);
  // require.resolve picks tsx's CommonJS build, whose register() cannot set up ESM hooks here.
  const tsxApi = pathToFileURL(createRequire(callerUrl).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const boot = `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(ts.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
