/**
 * Where code may run, enforced on imports (the table in docs/conventions.md). The renderer is
 * a sandboxed page: a Node, Electron, database or device import there would either fail at
 * run time in Electron or, worse, work in development and widen what a compromised page can do.
 * Anything the check cannot read or classify is a violation too: a skipped file is a hole.
 */
import { builtinModules, isBuiltin } from 'node:module';
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { CODE_EXTENSIONS, htmlSpecifiers, scriptSpecifiers, type SpecifierUse } from './module-specifiers.js';

export interface Violation {
  file: string;
  /** 0 when the problem is the file itself (unreadable, unknown type). */
  line: number;
  specifier: string;
  rule: string;
}

export const ZONES = ['src-shared', 'src-renderer', 'hardware', 'src-main'] as const;

/** Packages that need Node, a device or a database: never in the page nor in src-shared. */
const NODE_ONLY_PACKAGES = new Set(['electron', 'electron-builder', 'better-sqlite3', 'better-sqlite3-multiple-ciphers', 'serialport', 'node-hid', 'usb', 'ws', 'pg', 'pdfkit', 'pngjs', 'sharp', 'playwright-core', 'tsx', 'esbuild', 'vitest']);
const NODE_ONLY_SCOPES = new Set(['@serialport', '@electron', '@img']);
/** Files in the source folders that are not code (assets, docs). Anything else unknown fails. */
const NOT_CODE = new Set(['.css', '.json', '.md', '.txt', '.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.ico', '.woff', '.woff2', '.ttf', '.otf', '.sql', '.wav', '.mp3']);

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

/** `@scope/name` or `name` of a bare specifier, without its deep path or query. */
export function packageName(spec: string): string {
  const parts = spec.split(/[?#]/)[0]!.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

function isNode(spec: string): boolean {
  return spec.startsWith('node:') || isBuiltin(spec) || builtinModules.includes(packageName(spec));
}

function isNodeOnlyPackage(spec: string): boolean {
  const name = packageName(spec);
  return NODE_ONLY_PACKAGES.has(name) || NODE_ONLY_SCOPES.has(name.split('/')[0]!);
}

const isElectron = (spec: string) => packageName(spec) === 'electron';
const isReact = (spec: string) => /^react(-dom)?$/.test(packageName(spec));

/** Returns why `spec`, imported from a file in `from`, is not allowed there, or null. */
export function ruleFor(from: Zone, spec: string, target: Zone | null): string | null {
  const pkg = target === null;
  switch (from) {
    case 'shared':
      if (pkg && (isNode(spec) || isNodeOnlyPackage(spec) || isReact(spec))) return 'src-shared is pure: no Node, DOM frameworks, electron, database or device packages';
      if (target && target !== 'shared') return 'src-shared may only import src-shared';
      return null;
    case 'renderer':
      if (pkg && (isNode(spec) || isNodeOnlyPackage(spec))) return 'the renderer may not import Node, electron, database or device modules';
      if (target && target !== 'shared' && target !== 'renderer') return 'the renderer may only import src-shared and src-renderer';
      return null;
    case 'hardware':
      if (pkg && isElectron(spec)) return 'hardware/ may not import electron';
      if (target && target !== 'shared' && target !== 'hardware') return 'hardware/ may only import src-shared and hardware';
      return null;
    case 'main':
      if (pkg && isElectron(spec)) return 'only src-main/electron/ imports electron';
      if (target === 'renderer') return 'src-main may not import renderer code';
      return null;
    case 'electron':
      if (target === 'renderer') return 'src-main may not import renderer code';
      return null;
    default:
      return null;
  }
}

const isPure = (zone: Zone) => zone === 'shared' || zone === 'renderer';

/** The rule a use breaks, or null. Relative and absolute specifiers are judged by where they land. */
function judge(root: string, file: string, from: Zone, use: SpecifierUse): string | null {
  switch (use.kind) {
    case 'computed':
      return isPure(from) ? 'a computed import: the check cannot tell what it loads; name the module' : null;
    case 'lib-reference':
      return from === 'shared' && /^dom/i.test(use.specifier) ? 'src-shared has no DOM' : null;
    case 'types-reference':
      return ruleFor(from, use.specifier === 'node' ? 'node:types' : use.specifier, null);
    case 'path-reference':
      return ruleFor(from, use.specifier, zoneOf(root, resolve(dirname(file), use.specifier)));
    case 'import': {
      const s = use.specifier;
      const local = s.startsWith('.') || s.startsWith('/');
      return ruleFor(from, s, local ? zoneOf(root, resolve(dirname(file), s.startsWith('/') ? `.${s}` : s)) : null);
    }
  }
}

export function checkFile(root: string, file: string, text: string = readFileSync(file, 'utf8')): Violation[] {
  const from = zoneOf(root, file);
  const ext = extname(file).toLowerCase();
  const uses = ext === '.html' ? htmlSpecifiers(file, text) : scriptSpecifiers(file, text, ext);
  const out: Violation[] = [];
  for (const use of uses) {
    const rule = judge(root, file, from, use);
    if (rule) out.push({ file: relative(root, file), line: use.line, specifier: use.specifier, rule });
  }
  return out;
}

function problem(root: string, path: string, rule: string): Violation {
  return { file: relative(root, path) || '.', line: 0, specifier: '', rule };
}

const reason = (e: unknown) => (e instanceof Error && 'code' in e ? String(e.code) : String(e));

/** Walks `dir`, checking each code file; what it cannot read or classify is reported, never skipped. */
function checkDir(root: string, dir: string, ancestors: ReadonlySet<string>, out: Violation[]): void {
  let entries: Dirent[];
  let real: string;
  try {
    real = realpathSync(dir);
    // Sorted, so the report reads the same on every machine.
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch (e) {
    out.push(problem(root, dir, `cannot read this folder (${reason(e)})`));
    return;
  }
  if (ancestors.has(real)) {
    out.push(problem(root, dir, 'a symlink loop'));
    return;
  }
  const below = new Set(ancestors).add(real);
  for (const entry of entries) {
    if (entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (e) {
        out.push(problem(root, p, `cannot read: a symlink to nothing (${reason(e)})`));
        continue;
      }
    }
    if (isDir) checkDir(root, p, below, out);
    else if (!isFile) out.push(problem(root, p, 'not a file nor a folder'));
    else checkSourceFile(root, p, out);
  }
}

function checkSourceFile(root: string, p: string, out: Violation[]): void {
  const ext = extname(p).toLowerCase();
  if (NOT_CODE.has(ext)) return;
  if (!CODE_EXTENSIONS.includes(ext) && ext !== '.html') {
    out.push(problem(root, p, `unknown file type '${ext || p}': the check cannot tell whether it is code (teach scripts/boundaries.ts)`));
    return;
  }
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch (e) {
    out.push(problem(root, p, `cannot read (${reason(e)})`));
    return;
  }
  out.push(...checkFile(root, p, text));
}

/** Every violation under the four source folders of `root`; a missing folder is one too. */
export function checkTree(root: string): Violation[] {
  const out: Violation[] = [];
  for (const zone of ZONES) checkDir(root, join(root, zone), new Set(), out);
  return out;
}
