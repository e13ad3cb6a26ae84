/** `npm run lint`: fails when code imports across a boundary it may not cross. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkTree } from './boundaries.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const violations = checkTree(root);
for (const v of violations) console.error(`${v.file}:${v.line}: import '${v.specifier}': ${v.rule}`);
if (violations.length > 0) {
  console.error(`\n${violations.length} boundary violation(s); see docs/conventions.md`);
  process.exit(1);
}
console.log('boundaries: ok');
