import QRCode from 'qrcode';

/** A QR code as an SVG data URL (the CSP admits data: images, not inline markup styles). */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}
