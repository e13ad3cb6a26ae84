/**
 * The boundary check on the real tree, and on scratch trees where each kind of violation is
 * planted once: the check must fail on each, name the file and line, and pass a clean tree.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { checkFile, checkTree, ZONES, type Violation } from '../../../scripts/boundaries.js';
import { APP_ROOT } from '../../../src-main/paths.js';
import { tempDir } from '../../support/tmp.js';

const scratches: Array<{ cleanup(): void }> = [];
afterEach(() => {
  for (const s of scratches.splice(0)) s.cleanup();
});

/** Files every scratch tree starts with: allowed imports in every zone and file type. */
const CLEAN: Record<string, string> = {
  'src-shared/money.ts': "import { z } from 'zod';\nexport const fen = z.number().int();",
  'src-shared/types.d.ts': "/// <reference lib=\"es2023\" />\nexport type Fen = number;",
  'src-renderer/index.html': '<!doctype html><div id="root"></div>\n<script type="module" src="./main.tsx"></script>\n<script>window.ready = true;</script>',
  'src-renderer/main.tsx': "import { createRoot } from 'react-dom/client';\nimport { fen } from '../src-shared/money.js';\nimport './page.css';\nexport const root = createRoot; export { fen };",
  'src-renderer/page.css': 'body { margin: 0 }',
  'src-renderer/lazy.js': "export const load = () => import('pinyin-pro');",
  'src-renderer/old.cjs': "module.exports = require('./lazy.js');",
  'src-renderer/assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'hardware/port.ts': "import { SerialPort } from 'serialport';\nimport { readFile } from 'node:fs/promises';\nexport { SerialPort, readFile };",
  'src-main/app.ts': "import Database from 'better-sqlite3';\nimport { createServer } from 'node:http2';\nexport { Database, createServer };",
  'src-main/electron/main.ts': "import { app } from 'electron/main';\nexport { app };",
};

function scratchTree(planted: Record<string, string> = {}): string {
  const dir = tempDir('yzt-boundaries-');
  scratches.push(dir);
  for (const [rel, text] of Object.entries({ ...CLEAN, ...planted })) {
    mkdirSync(dirname(join(dir.path, rel)), { recursive: true });
    writeFileSync(join(dir.path, rel), text);
  }
  return dir.path;
}

const require = createRequire(import.meta.url);
const brief = (v: Violation[]) => v.map((x) => `${x.file}:${x.line} ${x.specifier}`);

describe('where code may run', () => {
  it('the tree has no boundary violations', () => {
    expect(checkTree(APP_ROOT)).toEqual([]);
  });

  it('a clean scratch tree passes', () => {
    expect(checkTree(scratchTree())).toEqual([]);
  });

  it('catches Node, electron, database, device and main-process imports in the renderer', () => {
    const file = join(APP_ROOT, 'src-renderer', 'kiosk', 'Evil.tsx');
    const text = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { ipcRenderer } from 'electron';",
      "import Database from 'better-sqlite3';",
      "import { SerialPort } from 'serialport';",
      "import HID from 'node-hid';",
      "import { startCentral } from '../../src-main/central/central-server.js';",
      "import { FrameDecoder } from '../../hardware/id-card/frame-decoder.js';",
      "import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';",
      "import { useState } from 'react';",
    ].join('\n');
    const v = checkFile(APP_ROOT, file, text);
    expect(v.map((x) => x.specifier)).toEqual([
      'node:fs',
      'path',
      'electron',
      'better-sqlite3',
      'serialport',
      'node-hid',
      '../../src-main/central/central-server.js',
      '../../hardware/id-card/frame-decoder.js',
    ]);
    expect(v[0]).toMatchObject({ line: 1, file: 'src-renderer/kiosk/Evil.tsx' });
  });

  it('keeps src-shared pure and electron inside src-main/electron', () => {
    expect(checkFile(APP_ROOT, join(APP_ROOT, 'src-shared', 'x.ts'), "import { createHash } from 'node:crypto';")).toHaveLength(1);
    expect(checkFile(APP_ROOT, join(APP_ROOT, 'src-main', 'sync', 'x.ts'), "import { app } from 'electron';")).toHaveLength(1);
    expect(checkFile(APP_ROOT, join(APP_ROOT, 'src-main', 'electron', 'x.ts'), "import { app } from 'electron';")).toHaveLength(0);
    expect(checkFile(APP_ROOT, join(APP_ROOT, 'hardware', 'x.ts'), "import { app } from 'electron';")).toHaveLength(1);
  });
});

describe('the check fails on each kind of violation planted in a scratch tree', () => {
  // Built-ins the old hand-kept list missed, and ones that exist only with the prefix.
  const builtins = ['string_decoder', 'http2', 'async_hooks', 'querystring', 'inspector', 'fs/promises', 'node:test', 'node:sqlite', 'node:fs'];
  for (const zone of ['src-renderer', 'src-shared']) {
    it.each(builtins)(`Node built-in %s in ${zone}`, (spec) => {
      const root = scratchTree({ [`${zone}/x.ts`]: `export {};\nimport * as m from '${spec}';` });
      expect(brief(checkTree(root))).toEqual([`${zone}/x.ts:2 ${spec}`]);
    });
  }

  it.each([
    'better-sqlite3-multiple-ciphers/lib/index.js',
    'better-sqlite3/lib/database.js',
    'pdfkit',
    'pdfkit/js/pdfkit.standalone.js',
    'serialport/dist/index.js',
    '@serialport/bindings-cpp',
    '@serialport/parser-readline/dist/index.js',
    'node-hid',
    'electron/renderer',
    'pg',
    'pg/lib/client.js',
    'ws',
    'ws/lib/websocket.js',
    'playwright-core/lib/server',
  ])('package %s (by its package name, deep path or not) in the renderer', (spec) => {
    const root = scratchTree({ 'src-renderer/x.ts': `import m from '${spec}';\nexport { m };` });
    expect(brief(checkTree(root))).toEqual([`src-renderer/x.ts:1 ${spec}`]);
  });

  it.each([
    ['static import', "import fs from 'node:fs';"],
    ['side-effect import', "import 'node:fs';"],
    ['type-only import', "import type { Stats } from 'node:fs';"],
    ['export from', "export { readFile } from 'node:fs';"],
    ['export * from', "export * from 'node:fs';"],
    ['dynamic import()', "const fs = await import('node:fs');"],
    ['dynamic import() of a template', 'const fs = await import(`node:fs`);'],
    ['require()', "const fs = require('node:fs');"],
    ['require.resolve()', "const where = require.resolve('node:fs');"],
    ['import = require()', "import fs = require('node:fs');"],
    ['import type in a type', "let f: typeof import('node:fs');"],
    ['triple-slash types reference', '/// <reference types="node" />'],
  ])('%s in the renderer', (_kind, line) => {
    const root = scratchTree({ 'src-renderer/x.ts': `// planted\n${line}` });
    const v = checkTree(root);
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ file: 'src-renderer/x.ts', line: 2 });
  });

  it('a computed import() or require() in the renderer, whose target the check cannot know', () => {
    const root = scratchTree({ 'src-renderer/x.ts': "const name = 'node:' + 'fs';\nawait import(name);\nrequire(name);" });
    expect(checkTree(root).map((v) => [v.line, v.specifier, v.rule])).toEqual([
      [2, 'name', expect.stringContaining('computed')],
      [3, 'name', expect.stringContaining('computed')],
    ]);
  });

  it.each(['x.js', 'x.jsx', 'x.mjs', 'x.cjs', 'x.tsx', 'x.mts', 'x.cts', 'x.d.ts'])('a %s file in the renderer', (name) => {
    const root = scratchTree({ [`src-renderer/deep/${name}`]: "import x from 'string_decoder';" });
    expect(brief(checkTree(root))).toEqual([`src-renderer/deep/${name}:1 string_decoder`]);
  });

  it('an inline script and a script src in the renderer page', () => {
    const root = scratchTree({
      'src-renderer/index.html': '<!doctype html>\n<script type="module" src="../src-main/app.ts"></script>\n<script type="module">\n  import { x } from "node:fs";\n</script>',
    });
    expect(brief(checkTree(root))).toEqual(['src-renderer/index.html:2 ../src-main/app.ts', 'src-renderer/index.html:4 node:fs']);
  });

  it.each([
    ['src-renderer/x.ts', "import { a } from '../src-main/app.js';", '../src-main/app.js'],
    ['src-renderer/x.ts', "import { p } from '../hardware/port.js';", '../hardware/port.js'],
    ['src-shared/x.ts', "import { r } from '../src-renderer/main.js';", '../src-renderer/main.js'],
    ['src-shared/x.ts', "import { useState } from 'react';", 'react'],
    ['src-shared/x.ts', '/// <reference lib="dom" />', 'dom'],
    ['hardware/x.ts', "import { app } from 'electron';", 'electron'],
    ['hardware/x.ts', "import { a } from '../src-main/app.js';", '../src-main/app.js'],
    ['src-main/x.ts', "import { app } from 'electron/main';", 'electron/main'],
    ['src-main/x.ts', "import { root } from '../src-renderer/main.js';", '../src-renderer/main.js'],
  ])('%s: %s', (file, text, spec) => {
    const root = scratchTree({ [file]: text });
    expect(brief(checkTree(root))).toEqual([`${file}:1 ${spec}`]);
  });

  it('a dangling symlink, named with its path', () => {
    const root = scratchTree();
    symlinkSync(join(root, 'nowhere.ts'), join(root, 'src-renderer', 'gone.ts'));
    expect(checkTree(root)).toEqual([{ file: 'src-renderer/gone.ts', line: 0, specifier: '', rule: expect.stringContaining('ENOENT') }]);
  });

  it('a symlinked folder is walked, and a loop is reported', () => {
    const root = scratchTree({ 'elsewhere/x.ts': "import 'node:fs';" });
    symlinkSync(join(root, 'elsewhere'), join(root, 'src-renderer', 'linked'));
    symlinkSync(join(root, 'src-renderer'), join(root, 'src-renderer', 'loop'));
    expect(checkTree(root).map((v) => `${v.file}:${v.line}`)).toEqual(['src-renderer/linked/x.ts:1', 'src-renderer/loop:0']);
  });

  it('a file of a type the check does not know, or that is not a file at all', () => {
    const root = scratchTree({ 'src-renderer/widget.vue': '<script>import fs from "node:fs"</script>' });
    execFileSync('mkfifo', [join(root, 'src-renderer', 'pipe')]);
    expect(checkTree(root).map((v) => [v.file, v.line])).toEqual([
      ['src-renderer/pipe', 0],
      ['src-renderer/widget.vue', 0],
    ]);
  });

  it.each([...ZONES])('a missing %s folder', (zone) => {
    const root = scratchTree();
    rmSync(join(root, zone), { recursive: true });
    expect(checkTree(root).map((v) => [v.file, v.line])).toEqual([[zone, 0]]);
  });
});

describe('npm run lint on a given root', () => {
  const lint = (root: string) => spawnSync(process.execPath, [require.resolve('tsx/cli'), join(APP_ROOT, 'scripts', 'check-boundaries.ts'), root], { encoding: 'utf8', timeout: 60_000 });

  it('exits 1 and names the file, line and import on a bad tree, 0 on a clean one', () => {
    const bad = lint(scratchTree({ 'src-renderer/x.js': "\nimport 'better-sqlite3-multiple-ciphers/lib/index.js';" }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("src-renderer/x.js:2: import 'better-sqlite3-multiple-ciphers/lib/index.js'");
    const good = lint(scratchTree());
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
  });
});
