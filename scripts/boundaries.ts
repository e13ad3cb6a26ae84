/**
 * Where code may run, enforced on imports (the table in docs/conventions.md). The renderer is
 * a sandboxed page: a Node, Electron, database or device import there would either fail at
 * run time in Electron or, worse, work in development and widen what a compromised page can do.
 */
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: string;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'tls', 'worker_threads', 'stream', 'events', 'util', 'url', 'zlib', 'readline', 'buffer', 'process', 'dgram', 'dns', 'module', 'v8', 'vm', 'cluster', 'perf_hooks', 'timers', 'assert', 'tty']);
const DEVICE_OR_DB = /^(electron|better-sqlite3|better-sqlite3-multiple-ciphers|serialport|@serialport\/.*|node-hid|ws|pg|playwright-core)$/;

type Zone = 'shared' | 'renderer' | 'hardware' | 'main' | 'electron' | 'other';

function zoneOf(root: string, abs: string): Zone {
  const rel = relative(root, abs).split(sep).join('/');
  if (rel.startsWith('src-shared/')) return 'shared';
  if (rel.startsWith('src-renderer/')) return 'renderer';
  if (rel.startsWith('hardware/')) return 'hardware';
  if (rel.startsWith('src-main/electron/')) return 'electron';
  if (rel.startsWith('src-main/')) return 'main';
  return 'other';
}

function isNode(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0] ?? '');
}

/** Returns why `spec`, imported from a file in `from`, is not allowed there, or null. */
export function ruleFor(from: Zone, spec: string, target: Zone | null): string | null {
  const pkg = target === null;
  switch (from) {
    case 'shared':
      if (pkg && (isNode(spec) || DEVICE_OR_DB.test(spec) || /^react/.test(spec))) return 'src-shared is pure: no Node, DOM frameworks, electron, database or device packages';
      if (target && target !== 'shared') return 'src-shared may only import src-shared';
      return null;
    case 'renderer':
      if (pkg && (isNode(spec) || DEVICE_OR_DB.test(spec))) return 'the renderer may not import Node, electron, database or device modules';
      if (target && target !== 'shared' && target !== 'renderer') return 'the renderer may only import src-shared and src-renderer';
      return null;
    case 'hardware':
      if (pkg && spec === 'electron') return 'hardware/ may not import electron';
      if (target && target !== 'shared' && target !== 'hardware') return 'hardware/ may only import src-shared and hardware';
      return null;
    case 'main':
      if (pkg && spec === 'electron') return 'only src-main/electron/ imports electron';
      if (target === 'renderer') return 'src-main may not import renderer code';
      return null;
    case 'electron':
      if (target === 'renderer') return 'src-main may not import renderer code';
      return null;
    default:
      return null;
  }
}

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* sourceFiles(p);
    else if (/\.(ts|tsx|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) yield p;
  }
}

export function checkFile(root: string, file: string, text: string = readFileSync(file, 'utf8')): Violation[] {
  const from = zoneOf(root, file);
  const info = ts.preProcessFile(text, true, true);
  const out: Violation[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  for (const ref of info.importedFiles) {
    const spec = ref.fileName;
    const target = spec.startsWith('.') ? zoneOf(root, resolve(dirname(file), spec)) : null;
    const rule = ruleFor(from, spec, target);
    if (rule) out.push({ file: relative(root, file), line: sf.getLineAndCharacterOfPosition(ref.pos).line + 1, specifier: spec, rule });
  }
  return out;
}

export function checkTree(root: string): Violation[] {
  const zones = ['src-shared', 'src-renderer', 'hardware', 'src-main'];
  return zones.flatMap((z) => {
    try {
      return [...sourceFiles(join(root, z))].flatMap((f) => checkFile(root, f));
    } catch {
      return [];
    }
  });
}
