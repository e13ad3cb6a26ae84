/**
 * The renderer's type-check has no Node types: a page file that imports `node:fs` or reads
 * `process` fails `tsc -p tsconfig.renderer.json`. Checked with a scratch config that extends the
 * real one and includes only a probe file, beside a probe that must pass (so a failure means
 * the Node import, not a broken setup).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { APP_ROOT } from '../../../src-main/paths.js';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// Inside the repository, so that the probe resolves node_modules as renderer code does.
const scratch = mkdtempSync(join(APP_ROOT, '.renderer-types-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function typeCheck(name: string, source: string): { status: number | null; out: string } {
  writeFileSync(join(scratch, `${name}.ts`), source);
  const config = join(scratch, `${name}.tsconfig.json`);
  writeFileSync(config, JSON.stringify({ extends: '../tsconfig.renderer.json', include: [`${name}.ts`] }));
  const r = spawnSync(process.execPath, [TSC, '-p', config], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('renderer type-check', () => {
  it('passes a page file that uses what the page may use, qrcode included', { timeout: 120_000 }, () => {
    const r = typeCheck('ok', "import { toString } from 'qrcode';\nimport { useState } from 'react';\nexport const f = [toString, useState, document.title];\n");
    expect(r.out).toBe('');
    expect(r.status).toBe(0);
  });

  it('fails a page file that imports node:fs', { timeout: 120_000 }, () => {
    // With qrcode imported, as src-renderer/ui/qr.ts does: its upstream types once brought Node's.
    const r = typeCheck('fs', "import { toString } from 'qrcode';\nimport { readFileSync } from 'node:fs';\nexport const f = [toString, readFileSync];\n");
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/fs\.ts\(2,\d+\): error TS2307: Cannot find module 'node:fs'/);
  });

  it('fails a page file that reads Node globals', { timeout: 120_000 }, () => {
    const r = typeCheck('globals', "import { toString } from 'qrcode';\nexport const a = [toString, process.env.HOME];\nexport const b = Buffer.from([]);\n");
    expect(r.status).not.toBe(0);
    expect(r.out).toMatch(/Cannot find name 'process'/);
    expect(r.out).toMatch(/Cannot find name 'Buffer'/);
  });

  it('the real renderer program holds no Node type file', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [TSC, '-p', join(APP_ROOT, 'tsconfig.renderer.json'), '--listFilesOnly'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('src-renderer/ui/qr.ts');
    expect(r.stdout.split('\n').filter((f) => /@types\/node\/|undici-types/.test(f))).toEqual([]);
  });
});
