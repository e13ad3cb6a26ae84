import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../../src-main/log/logger.js';
import { redact } from '../../../src-main/log/redact.js';
import { tempDir } from '../../support/tmp.js';
import { makeIdNumber } from '../../support/fixtures.js';

describe('log', () => {
  const dirs: Array<{ cleanup(): void }> = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

  it('blanks personal fields by key and ID numbers or long digit runs by shape', () => {
    const id = makeIdNumber();
    const out = redact({ filingId: 'f1', name: '张三', applicant: { idNumber: id }, note: `card ${id} account 6222021234567890123`, photo: new Uint8Array(10) }) as Record<string, unknown>;
    expect(out.filingId).toBe('f1');
    expect(out.name).toBe('[redacted]');
    expect(out.applicant).toBe('[redacted]');
    expect(out.note).toBe('card [id] account [digits]');
    expect(JSON.stringify(out)).not.toContain(id);
  });

  it('writes one JSON object per line and rotates by size, keeping the configured number of files', () => {
    const d = tempDir();
    dirs.push(d);
    const file = join(d.path, 'logs', 'kiosk.log');
    const log = createLogger({ file, maxBytes: 400, keep: 2 }).child({ deviceId: 'k1' });
    for (let i = 0; i < 30; i++) log.info('test.event', { i });
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.every((l) => JSON.parse(l).event === 'test.event' && JSON.parse(l).deviceId === 'k1')).toBe(true);
    expect(readFileSync(file, 'utf8').length).toBeLessThanOrEqual(400);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(existsSync(`${file}.2`)).toBe(true);
    expect(existsSync(`${file}.3`)).toBe(false);
    const last = JSON.parse(lines.at(-1)!);
    expect(last.i).toBe(29);
  });
});
