/** What a scan file is, from its first bytes (never its name or a claimed MIME type). No parser here: cheap to import anywhere. */
export type ScanKind = 'png' | 'jpeg' | 'tiff' | 'pdf';

export function sniffScan(bytes: Uint8Array): ScanKind | undefined {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) return 'tiff';
  if (b(0) === 0x25 && b(1) === 0x50 && b(2) === 0x44 && b(3) === 0x46) return 'pdf';
  return undefined;
}

/**
 * libjpeg takes a cut-off file's early end as a warning and fills the rest of the page with grey
 * (sharp loads with failOn 'error' so that cameras' harmless warnings pass), and so did jpeg-js,
 * so a missing end-of-image marker after the scan data marks a file that did not arrive whole.
 * Entropy-coded data never holds FF D9 (a data FF is followed by 00), so the first one is the end.
 */
export function jpegComplete(bytes: Uint8Array): boolean {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sos = b.indexOf(Buffer.from([0xff, 0xda]));
  return sos > 0 && b.indexOf(Buffer.from([0xff, 0xd9]), sos) > 0;
}
