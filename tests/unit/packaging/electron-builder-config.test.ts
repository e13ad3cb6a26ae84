/**
 * electron-builder cannot run here (no Electron runtime, no network), so what the package needs
 * is checked on its configuration: every native module is rebuilt and unpacked from the asar,
 * the runtime version is the one the app is typed against, the entry point is what the build
 * writes, and the files the app reads at run time are packed.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { APP_ROOT } from '../../../src-main/paths.js';
import { BUNDLED_FONT } from '../../../src-main/printing/pdf-fonts.js';

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  buildDependenciesFromSource: boolean;
  electronVersion: string;
  extraMetadata: { main: string };
  linux: { target: string[] };
  win: { target: string[] };
  deb: { depends: string[] };
}

const config = parse(readFileSync(join(APP_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(APP_ROOT, 'package.json'), 'utf8')) as {
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** A production dependency (or a package of its scope) that compiles a .node addon. */
function nativeDependencies(): string[] {
  const found: string[] = [];
  const hasAddon = (dir: string) => existsSync(join(dir, 'binding.gyp')) || existsSync(join(dir, 'prebuilds'));
  for (const name of Object.keys(pkg.dependencies)) {
    const dir = join(APP_ROOT, 'node_modules', name);
    if (hasAddon(dir)) found.push(name);
    // serialport's addon lives in its scope (@serialport/bindings-cpp).
    const deps = Object.keys((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});
    for (const dep of deps.filter((d) => d.startsWith('@serialport/'))) if (hasAddon(join(APP_ROOT, 'node_modules', dep))) found.push(dep);
  }
  return [...new Set(found)];
}

describe('electron-builder.yml', () => {
  it('unpacks every native module from the asar and rebuilds it for Electron', () => {
    const natives = nativeDependencies();
    expect(natives).toEqual(expect.arrayContaining(['better-sqlite3', 'node-hid', '@serialport/bindings-cpp']));
    for (const name of natives) {
      const scope = name.startsWith('@') ? name.split('/')[0]! : name;
      expect(config.asarUnpack.some((g) => g.includes(`node_modules/${name}/`) || g.includes(`node_modules/${scope}/`)), name).toBe(true);
    }
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('unpacks sharp and its platform packages (the addon and the libvips it loads) from the asar', () => {
    expect(pkg.dependencies['sharp']).toBeDefined();
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/sharp/**', '**/node_modules/@img/**']));
    // What is installed here is what gets packed: the addon and the shared library it links.
    const img = join(APP_ROOT, 'node_modules', '@img');
    const files = readdirSync(img, { recursive: true }).map(String);
    expect(files.some((f) => f.endsWith('.node'))).toBe(true);
    expect(files.some((f) => /libvips-cpp.*\.(so|dll|dylib)/.test(f))).toBe(true);
  });

  it('packages the Electron the app is typed against, one whose engines accept Node 20', () => {
    expect(config.electronVersion).toBe(pkg.devDependencies['electron']);
    const [major] = config.electronVersion.split('.').map(Number);
    expect(major).toBeLessThanOrEqual(41);
  });

  it('starts the entry point the build writes, and packs the migrations the app reads at run time', () => {
    expect(config.extraMetadata.main).toBe(pkg.main);
    const build = readFileSync(join(APP_ROOT, 'scripts', 'build-electron.mjs'), 'utf8');
    expect(build).toContain(`outfile: '${pkg.main}'`);
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'migrations/**']));
    expect(readdirSync(join(APP_ROOT, 'migrations', 'kiosk')).length).toBeGreaterThan(0);
    // The barcode decode worker starts from its own file, which worker_threads cannot read inside the asar.
    expect(build).toContain("outfile: 'dist/electron/decode-worker.js'");
    expect(config.asarUnpack).toContain('dist/electron/decode-worker.js');
    // So does the kiosk database's integrity check.
    expect(build).toContain("outfile: 'dist/electron/integrity-worker.js'");
    expect(config.asarUnpack).toContain('dist/electron/integrity-worker.js');
    // And its WAL checkpoints.
    expect(build).toContain("outfile: 'dist/electron/wal-checkpoint-worker.js'");
    expect(config.asarUnpack).toContain('dist/electron/wal-checkpoint-worker.js');
  });

  it('packs the PDF font with its licence where the app looks for it, so a Windows kiosk can make PDFs', () => {
    expect(config.files).toContain('assets/fonts/**');
    expect(BUNDLED_FONT.startsWith(join(APP_ROOT, 'assets', 'fonts'))).toBe(true);
    expect(existsSync(BUNDLED_FONT)).toBe(true);
    expect(readFileSync(join(APP_ROOT, 'assets', 'fonts', 'OFL.txt'), 'utf8')).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('builds AppImage and deb for Linux kiosks and NSIS for Windows, the deb pulling in the CJK fonts as a fallback', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.deb.depends).toContain('fonts-noto-cjk');
  });
  it('flips the fuses that would turn a kiosk into a Node runtime or load code from outside the asar', () => {
    expect((config as { electronFuses?: Record<string, boolean> }).electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // RunAsNode off breaks child_process.fork in the main process: nothing it bundles may fork.
    const main = readFileSync(join(APP_ROOT, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).not.toMatch(/\bfork\(/);
  });
});
