/**
 * The card photo is 1024 bytes of WLT, a proprietary wavelet format that only vendor libraries
 * (libwlt2bmp, WltRS.dll) turn into a 102x126 BMP. No decoder ships here: the raw bytes are kept
 * and a deployment that licenses one plugs it in through this interface.
 */
import type { IdCardRaw } from '../../src-shared/domain/id-card.js';

export const PHOTO_WIDTH = 102;
export const PHOTO_HEIGHT = 126;

export interface DecodedPhoto {
  width: number;
  height: number;
  /** A complete BMP file. */
  bmp: Uint8Array;
}

export interface WltDecoder {
  /** For logs, e.g. 'libwlt2bmp 1.2'. */
  readonly name: string;
  decode(wlt: Uint8Array): Promise<DecodedPhoto>;
}

export type PhotoResult =
  | { ok: true; photo: DecodedPhoto }
  | { ok: false; code: 'no-photo' | 'no-decoder' | 'decode-failed'; message_zh: string; message_en: string };

export async function decodePhoto(raw: IdCardRaw, decoder: WltDecoder | undefined): Promise<PhotoResult> {
  if (raw.photoWlt.length === 0) return { ok: false, code: 'no-photo', message_zh: '身份证未读到照片', message_en: 'No photo was read from the card' };
  if (!decoder) {
    return { ok: false, code: 'no-decoder', message_zh: '未安装身份证照片解码组件，照片不显示', message_en: 'No WLT photo decoder is installed; the photo is not shown' };
  }
  try {
    return { ok: true, photo: await decoder.decode(raw.photoWlt) };
  } catch {
    return { ok: false, code: 'decode-failed', message_zh: '身份证照片解码失败', message_en: 'The card photo could not be decoded' };
  }
}
