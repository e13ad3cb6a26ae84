/**
 * `npm run lint [-- ROOT]`: fails when code imports across a boundary it may not cross, or when
 * a source file cannot be read. ROOT defaults to this repository (tests pass a scratch tree).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTree } from './boundaries.js';

const root = process.argv[2] ? resolve(process.argv[2]) : join(dirname(fileURLToPath(import.meta.url)), '..');
const violations = checkTree(root);
for (const v of violations) console.error(v.line > 0 ? `${v.file}:${v.line}: import '${v.specifier}': ${v.rule}` : `${v.file}: ${v.rule}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} boundary violation(s) under ${root}; see docs/conventions.md`);
  process.exit(1);
}
console.log(`boundaries: ok (${root})`);
