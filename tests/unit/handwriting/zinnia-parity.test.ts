/**
 * The TypeScript port of zinnia gives the zinnia command's answers: the same five best
 * characters, in the same order, with the same scores, for the same strokes and model.
 * Needs Debian's zinnia-utils and tegaki-zinnia-simplified-chinese (README's packages).
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ZinniaModel } from '../../../src-main/handwriting/zinnia-model.js';
import { extractFeatures, type Ink } from '../../../src-main/handwriting/zinnia-features.js';
import { DEBIAN_MODEL } from '../../../src-main/handwriting/model-file.js';
import { NAME_ADDRESS_CHARS } from '../../../src-shared/text/name-characters.js';
import { hasStrokeData, jitteredInk, seededRandom } from '../../support/hanzi-strokes.js';
import { tempDir } from '../../support/tmp.js';

const ZINNIA = '/usr/bin/zinnia';
const ready = existsSync(ZINNIA) && existsSync(DEBIAN_MODEL);

function sexp(ink: Ink): string {
  const strokes = ink.strokes.map((s) => `(${s.map(([x, y]) => `(${x} ${y})`).join('')})`).join('');
  return `(character (width ${ink.width})(height ${ink.height})(strokes ${strokes}))`;
}

/** zinnia prints "Answer: " then one "char score" line per candidate, for each character. */
function zinniaTop5(inks: Ink[]): Array<Array<{ char: string; score: number }>> {
  const dir = tempDir('yzt-zinnia-');
  try {
    const file = join(dir.path, 'ink.s');
    writeFileSync(file, inks.map(sexp).join('\n') + '\n');
    const out = execFileSync(ZINNIA, ['-m', DEBIAN_MODEL, '-n', '5', file], { encoding: 'utf8' });
    return out
      .split('Answer:')
      .slice(1)
      .map((block) =>
        block
          .trim()
          .split('\n')
          .map((line) => {
            const [char, score] = line.trim().split(' ');
            return { char: char!, score: Number(score) };
          }),
      );
  } finally {
    dir.cleanup();
  }
}

describe.skipIf(!ready)('zinnia port against the zinnia command', () => {
  it('gives the same top five, in order and with the same scores, on 60 jittered name and address characters', async () => {
    const model = await ZinniaModel.parse(readFileSync(DEBIAN_MODEL));
    const random = seededRandom(12);
    const chars = [...NAME_ADDRESS_CHARS].filter(hasStrokeData).filter((_, i) => i % 6 === 0).slice(0, 60);
    expect(chars.length).toBe(60);
    const inks = chars.map((ch) => jitteredInk(ch, random));
    // a one-point stroke (a tap) and a pad that is not square are read alike too
    inks.push({ width: 300, height: 520, strokes: [[[150, 40]], [[20, 260], [150, 255], [280, 262]], [[150, 60], [152, 300], [148, 500]]] });
    const expected = zinniaTop5(inks);
    expect(expected).toHaveLength(inks.length);
    inks.forEach((ink, i) => {
      const ours = model.classify(extractFeatures(ink)!, 5);
      expect(ours.map((s) => s.char), `character ${i}`).toEqual(expected[i]!.map((s) => s.char));
      ours.forEach((s, k) => expect(s.score).toBeCloseTo(expected[i]![k]!.score, 4));
    });
  });
});
