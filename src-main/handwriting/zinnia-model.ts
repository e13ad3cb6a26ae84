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

export interface Scored {
  char: string;
  score: number;
}

export class ZinniaModel {
  /** The input features spread out by index, kept between calls (cleared after each). */
  private dense: Float32Array | null = null;
  private present: Uint8Array | null = null;

  private constructor(
    readonly chars: string[],
    private readonly bias: Float32Array,
    /** Word offset of each character's first (index, weight) pair in `words`. */
    private readonly start: Uint32Array,
    private readonly indexWords: Int32Array,
    private readonly weightWords: Float32Array,
  ) {}

  static parse(bytes: Uint8Array): ZinniaModel {
    // Typed-array views need a 4-byte aligned start; copy when the buffer is not.
    const buf = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const broken = (why: string) => new Error(`handwriting model file is broken: ${why}`);
    if (buf.byteLength < 12 || buf.byteLength % 4 !== 0) throw broken('size');
    if ((view.getUint32(0, true) ^ MAGIC) >>> 0 !== buf.byteLength) throw broken('magic');
    if (view.getUint32(4, true) !== VERSION) throw broken('version');
    const count = view.getUint32(8, true);
    const words = buf.byteLength / 4;
    const indexWords = new Int32Array(buf.buffer, buf.byteOffset, words);
    const weightWords = new Float32Array(buf.buffer, buf.byteOffset, words);
    const utf8 = new TextDecoder();
    const chars: string[] = [];
    const bias = new Float32Array(count);
    const start = new Uint32Array(count);
    let w = 3;
    for (let i = 0; i < count; i++) {
      if (w + 5 > words) throw broken('truncated');
      const name = buf.subarray(w * 4, w * 4 + NAME_BYTES);
      const end = name.indexOf(0);
      chars.push(utf8.decode(end >= 0 ? name.subarray(0, end) : name));
      w += NAME_BYTES / 4;
      bias[i] = weightWords[w]!;
      w += 1;
      start[i] = w;
      while (w < words && indexWords[w] !== -1) w += 2;
      if (w >= words) throw broken('unterminated weights');
      w += 2;
    }
    if (w !== words) throw broken('trailing bytes');
    return new ZinniaModel(chars, bias, start, indexWords, weightWords);
  }

  /** The `n` best characters, best first, with zinnia's scores. */
  classify(x: FeatureVector, n: number): Scored[] {
    const dense = (this.dense ??= new Float32Array(MAX_FEATURE_INDEX));
    const present = (this.present ??= new Uint8Array(MAX_FEATURE_INDEX));
    for (let i = 0; i < x.index.length; i++) {
      const k = x.index[i]!;
      if (k < 0 || k >= MAX_FEATURE_INDEX) continue;
      dense[k] = x.value[i]!;
      present[k] = 1;
    }
    const idx = this.indexWords;
    const wt = this.weightWords;
    const scores = new Float64Array(this.chars.length);
    for (let c = 0; c < this.chars.length; c++) {
      let sum = 0;
      for (let w = this.start[c]!; ; w += 2) {
        const k = idx[w]!;
        if (k === -1) break;
        // float times float, as zinnia's dot product, summed in double
        if (k < MAX_FEATURE_INDEX && present[k]) sum += Math.fround(wt[w + 1]! * dense[k]!);
      }
      scores[c] = Math.fround(this.bias[c]! + sum);
    }
    for (let i = 0; i < x.index.length; i++) {
      const k = x.index[i]!;
      if (k >= 0 && k < MAX_FEATURE_INDEX) present[k] = 0;
    }
    return topN(scores, this.chars, n);
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
