/**
 * The reception record goes to the court's A4 printer through CUPS' `lp` when the kiosk names a
 * queue. A stand-in `lp` on PATH records what it is given, as the spooler would receive it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printPdf } from '../../../src-main/counter/document-printer.js';
import { tempDir } from '../../support/tmp.js';

describe('document printer (lp)', () => {
  const dir = tempDir('yzt-counter-lp-');
  const oldPath = process.env.PATH;

  beforeAll(() => {
    const lp = join(dir.path, 'lp');
    writeFileSync(lp, `#!/bin/sh\nif [ "$2" = "broken" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi\necho "$@" > "${dir.path}/args"\ncat > "${dir.path}/job.pdf"\n`);
    chmodSync(lp, 0o755);
    process.env.PATH = `${dir.path}:${oldPath ?? ''}`;
  });
  afterAll(() => {
    process.env.PATH = oldPath;
    dir.cleanup();
  });

  it('spools the PDF to the named queue with a title', async () => {
    const pdf = Buffer.from('%PDF-1.4 test job');
    const r = await printPdf('a4-desk', pdf, '初次接待笔录-临-1');
    expect(r.ok).toBe(true);
    expect(r.message_zh).toContain('a4-desk');
    expect(readFileSync(join(dir.path, 'args'), 'utf8').trim()).toBe('-d a4-desk -t 初次接待笔录-临-1');
    expect(readFileSync(join(dir.path, 'job.pdf'))).toEqual(pdf);
  });

  it('says so in Chinese when the queue refuses the job', async () => {
    const r = await printPdf('broken', Buffer.from('%PDF'), 't');
    expect(r.ok).toBe(false);
    expect(r.message_zh).toContain('未能接收打印任务');
    expect(r.message_en).toContain('does not exist');
  });

  it('falls back to the PDF when there is no lp at all', async () => {
    process.env.PATH = '/nonexistent';
    try {
      const r = await printPdf('a4-desk', Buffer.from('%PDF'), 't');
      expect(r.ok).toBe(false);
      expect(r.message_zh).toContain('未安装打印服务');
    } finally {
      process.env.PATH = `${dir.path}:${oldPath ?? ''}`;
    }
  });
});
