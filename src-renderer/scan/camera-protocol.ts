/** Messages between the camera scanner and its Web Worker. */
import type { CharsetSetting } from '../../src-shared/scan/charset.js';
import type { DecodedSymbol, FormatName } from '../../src-shared/scan/zxing-decode.js';

export interface FrameRequest {
  id: number;
  /** RGBA, as getImageData returns it; transferred, not copied. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
  formats?: FormatName[];
  charset?: CharsetSetting;
}

export type FrameResponse = { id: number; ok: true; symbols: DecodedSymbol[]; ms: number } | { id: number; ok: false; message: string; ms: number };
