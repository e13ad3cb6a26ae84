/**
 * A zinnia model file (a linear SVM per character) and its classifier, ported from zinnia's
 * recognizer.cpp. The file is little-endian: magic (xor'd with the file size), version 1,
 * the character count, then per character 16 bytes of UTF-8, a float bias and its weights as
 * (int32 feature index, float32 weight) pairs ending with index -1.
 */
import type { FeatureVector } from './zinnia-features.js';

const MAGIC = 0x0ef71821;
const VERSION = 1;
const NAME_BYTES = 16;
/** Feature indices stay below this (the stroke count features sit at 2,000,000 + strokes). */
const MAX_FEATURE_INDEX = 2_001_000;
/** Characters read between two pauses. */
const SLICE = 500;

export interface Scored {
  char: string;
  score: number;
}

export class ZinniaModel {
  private constructor(
    readonly chars: string[],
    private readonly bias: Float32Array,
    /**
     * The weights by feature rather than by character, so a character's score only visits the
     * features the strokes have (a few hundred of the model's 3.3 million weights): feature k's
     * weights are postings[offset[k] .. offset[k + 1]), each a character and its weight.
     */
    private readonly offset: Uint32Array,
    private readonly postingChar: Uint16Array,
    private readonly postingWeight: Float32Array,
  ) {}

  /**
   * Reads a model file. `pause` is awaited between slices of characters, so that in the main
   * process the index is built without holding up IPC for its whole half second.
   */
  static async parse(bytes: Uint8Array, pause: () => Promise<void> = async () => {}): Promise<ZinniaModel> {
    // Typed-array views need a 4-byte aligned start; copy when the buffer is not.
    const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const broken = (why: string) => new Error(`handwriting model file is broken: ${why}`);
    if (buf.byteLength < 12 || buf.byteLength % 4 !== 0) throw broken('size');
    if ((view.getUint32(0, true) ^ MAGIC) >>> 0 !== buf.byteLength) throw broken('magic');
    if (view.getUint32(4, true) !== VERSION) throw broken('version');
    const count = view.getUint32(8, true);
    if (count > 0xffff) throw broken('too many characters');
    const words = buf.byteLength / 4;
    const indexWords = new Int32Array(buf.buffer, buf.byteOffset, words);
    const weightWords = new Float32Array(buf.buffer, buf.byteOffset, words);
    const utf8 = new TextDecoder();
    const chars: string[] = [];
    const bias = new Float32Array(count);
    const start = new Uint32Array(count);
    const perFeature = new Uint32Array(MAX_FEATURE_INDEX + 1);
    let w = 3;
    for (let i = 0; i < count; i++) {
      if (i % SLICE === SLICE - 1) await pause();
      if (w + 5 > words) throw broken('truncated');
      const name = buf.subarray(w * 4, w * 4 + NAME_BYTES);
      const end = name.indexOf(0);
      chars.push(utf8.decode(end >= 0 ? name.subarray(0, end) : name));
      w += NAME_BYTES / 4;
      bias[i] = weightWords[w]!;
      w += 1;
      start[i] = w;
      for (; w < words && indexWords[w] !== -1; w += 2) {
        const k = indexWords[w]!;
        if (k < 0 || k >= MAX_FEATURE_INDEX) throw broken(`feature index ${k}`);
        perFeature[k + 1]!++;
      }
      if (w >= words) throw broken('unterminated weights');
      w += 2;
    }
    if (w !== words) throw broken('trailing bytes');
    await pause();
    for (let k = 1; k <= MAX_FEATURE_INDEX; k++) perFeature[k]! += perFeature[k - 1]!;
    const offset = perFeature;
    const fill = offset.slice(0, MAX_FEATURE_INDEX);
    const postingChar = new Uint16Array(offset[MAX_FEATURE_INDEX]!);
    const postingWeight = new Float32Array(offset[MAX_FEATURE_INDEX]!);
    await pause();
    for (let i = 0; i < count; i++) {
      if (i % SLICE === SLICE - 1) await pause();
      for (let p = start[i]!; indexWords[p] !== -1; p += 2) {
        const at = fill[indexWords[p]!]!++;
        postingChar[at] = i;
        postingWeight[at] = weightWords[p + 1]!;
      }
    }
    return new ZinniaModel(chars, bias, offset, postingChar, postingWeight);
  }

  /** The `n` best characters, best first, with zinnia's scores. */
  classify(x: FeatureVector, n: number): Scored[] {
    return this.best(this.scores(x), n);
  }

  /** The `n` characters with the highest of `scores` (one per character, as `scores` gives). */
  best(scores: Float64Array, n: number): Scored[] {
    return topN(scores, this.chars, n);
  }

  /** Zinnia's score of every character, in the model's order. */
  scores(x: FeatureVector): Float64Array {
    const sums = new Float64Array(this.chars.length);
    // Features in increasing index, as zinnia's dot product visits them: the same sums, in the
    // same order, so the same rounding. Float times float, summed in double.
    for (let i = 0; i < x.index.length; i++) {
      const k = x.index[i]!;
      if (k < 0 || k >= MAX_FEATURE_INDEX) continue;
      const v = x.value[i]!;
      for (let p = this.offset[k]!, end = this.offset[k + 1]!; p < end; p++) {
        const c = this.postingChar[p]!;
        sums[c] = sums[c]! + Math.fround(this.postingWeight[p]! * v);
      }
    }
    for (let c = 0; c < sums.length; c++) sums[c] = Math.fround(this.bias[c]! + sums[c]!);
    return sums;
  }
}

function topN(scores: Float64Array, chars: string[], n: number): Scored[] {
  const best: Scored[] = [];
  for (let c = 0; c < scores.length; c++) {
    const s = scores[c]!;
    if (best.length === n && s <= best[n - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < s) at--;
    best.splice(at, 0, { char: chars[c]!, score: s });
    if (best.length > n) best.pop();
  }
  return best;
}
