/**
 * The part of `qrcode` the page uses. `@types/qrcode` references `@types/node`, which would hand
 * the renderer's type-check all of Node's types (and let `node:fs` type-check there), so
 * tsconfig.renderer.json maps `qrcode` to this file instead.
 */
export interface QRCodeToStringOptions {
  type: 'svg';
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  margin?: number;
}

export function toString(text: string, options: QRCodeToStringOptions): Promise<string>;
