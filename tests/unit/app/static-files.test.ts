import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUnder } from '../../../src-main/host/static-files.js';

describe('fileUnder (the renderer files both shells serve)', () => {
  const root = join('/app', 'dist', 'renderer');
  it('maps a page path to its file, and / to index.html', () => {
    expect(fileUnder(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(fileUnder(root, '/')).toBe(join(root, 'index.html'));
    expect(fileUnder(root, '/%E6%96%87%E4%B9%A6.png')).toBe(join(root, '文书.png'));
  });
  it('never leaves the root once decoded, not even for a sibling folder sharing its prefix', () => {
    for (const p of ['/..%2F..%2Fetc%2Fpasswd', '/..%2Frenderer-evil%2Fa.js', '/..%5C..%5Cetc', '/%2e%2e/%2e%2e/etc/passwd']) {
      const f = fileUnder(root, p);
      if (f !== null) expect(f.startsWith(root + '/'), `${p} -> ${f}`).toBe(true);
    }
    expect(fileUnder(root, '/..%2Frenderer-evil%2Fa.js')).not.toBe(join('/app', 'dist', 'renderer-evil', 'a.js'));
  });
  it('refuses a malformed escape instead of throwing', () => {
    expect(fileUnder(root, '/%E0%A4%A')).toBeNull();
  });
});
