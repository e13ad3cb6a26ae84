/**
 * The README's first lines are what a newcomer types. They hold only if the apt-get line it
 * gives is the list CI installs, and `npm ci` needs no environment variable: every install
 * script in the tree is decided in `allowScripts`, electron's runtime download among them.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';

const read = (file: string) => readFileSync(join(APP_ROOT, file), 'utf8');

function debianPackages(): string[] {
  return read('scripts/debian-packages.txt')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const readmeTop = () => read('README.md').split('\n## ')[0] ?? '';

interface PackageJson {
  name: string;
  scripts?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

/** Every package under node_modules, nested ones too, that npm would run a script for. */
function packagesWithInstallScripts(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) {
      packagesWithInstallScripts(path, found);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as PackageJson;
      const s = pkg.scripts ?? {};
      // npm runs `node-gyp rebuild` by itself for a binding.gyp without an install script.
      if (s.preinstall || s.install || s.postinstall || existsSync(join(path, 'binding.gyp'))) found.add(pkg.name);
    }
    if (existsSync(join(path, 'node_modules'))) packagesWithInstallScripts(join(path, 'node_modules'), found);
  }
  return found;
}

describe('the README’s setup', () => {
  it('gives one apt-get line, and it installs exactly the packages CI installs', () => {
    const lines = readmeTop()
      .split('\n')
      .filter((l) => l.includes('apt-get install'));
    expect(lines).toHaveLength(1);
    const listed = /apt-get install -y ([a-z0-9. +-]+?)\s*$/.exec(lines[0] ?? '')?.[1]?.split(/\s+/);
    expect(listed).toEqual(debianPackages());
  });

  it('lists the packages the voice, handwriting, PDFs, browser and PostgreSQL need', () => {
    expect(debianPackages()).toEqual(
      expect.arrayContaining(['socat', 'chromium', 'fonts-noto-cjk', 'postgresql', 'poppler-utils', 'espeak-ng', 'zinnia-utils', 'tegaki-zinnia-simplified-chinese']),
    );
  });

  it('has CI read the same list and set no variable the README does not ask for', () => {
    const ci = read('.ci/run');
    expect(ci).toContain('scripts/debian-packages.txt');
    expect(ci).not.toMatch(/apt-get install[^\n]*\b(socat|chromium)\b/);
    expect(ci).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
    expect(readmeTop()).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('has CI run the unit project once more under a real zone far from China’s', () => {
    const zone = /^YZT_TEST_EXTRA_TZ=(\S+) npm test$/m.exec(read('.ci/run'))?.[1] ?? '';
    const offsetAt = (tz: string) => new Intl.DateTimeFormat('en', { timeZone: tz, timeZoneName: 'longOffset' }).format(new Date('2026-01-15T00:00:00Z'));
    expect(offsetAt(zone)).not.toMatch(/GMT(\+08:00)?$/);
  });
});

describe('npm ci with only the registry reachable', () => {
  const pkg = JSON.parse(read('package.json')) as PackageJson;

  it('decides every install script in allowScripts', () => {
    const undecided = [...packagesWithInstallScripts(join(APP_ROOT, 'node_modules'))].filter((name) => typeof pkg.allowScripts?.[name] !== 'boolean');
    expect(undecided).toEqual([]);
  });

  it('leaves the Electron runtime out, and names the step that fetches it', () => {
    expect(pkg.allowScripts?.electron).toBe(false);
    const script = pkg.scripts?.['electron:install'] ?? '';
    const file = /^node (\S+)$/.exec(script)?.[1];
    expect(file).toBe('node_modules/electron/install.js');
    expect(existsSync(join(APP_ROOT, file ?? ''))).toBe(true);
    expect(readmeTop()).toContain('npm run electron:install');
    expect(read('docs/deployment.md')).toContain('npm run electron:install');
  });
});
