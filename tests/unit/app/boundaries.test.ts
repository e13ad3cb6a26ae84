import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkFile, checkTree } from '../../../scripts/boundaries.js';
import { APP_ROOT } from '../../../src-main/paths.js';

describe('where code may run', () => {
  it('the tree has no boundary violations', () => {
    expect(checkTree(APP_ROOT)).toEqual([]);
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
