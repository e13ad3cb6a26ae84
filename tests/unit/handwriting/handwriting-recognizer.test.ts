/** The recogniser loads its model once, answers candidates, and says plainly when it cannot. */
import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HandwritingRecognizer } from '../../../src-main/handwriting/handwriting-recognizer.js';
import { DEBIAN_MODEL, modelCandidates } from '../../../src-main/handwriting/model-file.js';
import { createLogger } from '../../../src-main/log/logger.js';
import { AppError } from '../../../src-shared/api/errors.js';
import { tempDir } from '../../support/tmp.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { handwritingHandlers } from '../../../src-main/handwriting/handwriting-handlers.js';
import type { ApiHandlers } from '../../../src-shared/api/contract.js';

const TWO = { width: 400, height: 400, strokes: [[[60, 130], [200, 128], [340, 132]], [[40, 290], [200, 286], [360, 292]]] as Array<Array<[number, number]>> };

describe('handwriting recogniser', () => {
  it('refuses with a plain message, and logs where it looked, when there is no model', async () => {
    const sink: string[] = [];
    const r = new HandwritingRecognizer(createLogger({ sink }), () => null);
    const err = await r.recognize(TWO).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('handwriting.unavailable');
    expect((err as AppError).message_zh).toContain('拼音');
    expect(sink.join('\n')).toContain('handwriting.model-missing');
  });

  it('refuses a broken model file the same way and names the file in the log', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, 'broken.model');
      writeFileSync(file, Buffer.alloc(64, 1));
      const sink: string[] = [];
      const r = new HandwritingRecognizer(createLogger({ sink }), () => file);
      await expect(r.recognize(TWO)).rejects.toMatchObject({ code: 'handwriting.unavailable' });
      expect(sink.join('\n')).toContain('broken.model');
    } finally {
      dir.cleanup();
    }
  });

  it('looks at the override, the packaged resource, the build folder and Debian, in that order', () => {
    const list = modelCandidates({ YZT_HANDWRITING_MODEL: '/x/m.model' });
    expect(list[0]).toBe('/x/m.model');
    expect(list.at(-1)).toBe(DEBIAN_MODEL);
    expect(list.some((p) => p.endsWith(join('build', 'handwriting', 'handwriting-zh_CN.model')))).toBe(true);
  });

  it.skipIf(!existsSync(DEBIAN_MODEL))('reads two level strokes as 二, loading the model once for many requests', async () => {
    let opened = 0;
    const r = new HandwritingRecognizer(createLogger({ sink: [] }), () => (opened++, DEBIAN_MODEL));
    const [a, b] = await Promise.all([r.recognize(TWO), r.recognize(TWO)]);
    expect(a[0]).toBe('二');
    expect(b).toEqual(a);
    expect(a).toHaveLength(10);
    expect(opened).toBe(1);
    // Written small in a corner, it reads the same as written across the pad.
    const small = { ...TWO, strokes: TWO.strokes.map((st) => st.map(([x, y]): [number, number] => [300 + x / 5, 300 + y / 5])) };
    expect((await r.recognize(small))[0]).toBe('二');
  });

  it('takes through the contract only a bounded drawing: no strokes, a huge pad or a runaway stroke are refused', async () => {
    let asked = 0;
    const r = new HandwritingRecognizer(createLogger({ sink: [] }), () => (asked++, null));
    const handlers = handwritingHandlers(r) as ApiHandlers;
    const log = createLogger({ sink: [] });
    const refused = async (input: unknown) => {
      const res = await dispatch(handlers, 'handwriting.recognize', input, log);
      return res.ok ? null : res.error.code;
    };
    expect(await refused({ width: 400, height: 400, strokes: [] })).toBe('validation');
    expect(await refused({ width: 40_000, height: 400, strokes: TWO.strokes })).toBe('validation');
    expect(await refused({ width: 400, height: 400, strokes: [Array.from({ length: 601 }, (_, i) => [i, i])] })).toBe('validation');
    expect(await refused({ width: 400, height: 400, strokes: [[[1, Number.NaN]]] })).toBe('validation');
    expect(asked).toBe(0);
    expect(await refused(TWO)).toBe('handwriting.unavailable');
  });
});
