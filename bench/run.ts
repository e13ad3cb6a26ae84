/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and
 * prints one line per figure. Figures, not pass/fail: goals are judged by reading them.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { printFigures, type BenchModule } from './bench-kit.js';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

for (const f of files) {
  const group = basename(f, '.bench.ts');
  const mod = (await import(pathToFileURL(join(here, f)).href)) as BenchModule;
  const started = performance.now();
  const figures = await mod.bench();
  printFigures(group, figures);
  process.stdout.write(`${group.padEnd(12)} (took ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
