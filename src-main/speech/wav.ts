/**
 * The few facts of a PCM WAV file the speech code needs. espeak-ng writing to stdout does not
 * know the length in advance and leaves 0x7ffff000-ish sizes in the header, which some players
 * (and Chromium's <audio> duration) take literally; sealWav writes the real sizes.
 */
export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset and length of the sample data. */
  dataOffset: number;
  dataBytes: number;
  seconds: number;
}

export function parseWav(buf: Buffer): WavInfo {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
  let off = 12;
  let fmt: { sampleRate: number; channels: number; bitsPerSample: number } | null = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') fmt = { channels: buf.readUInt16LE(body + 2), sampleRate: buf.readUInt32LE(body + 4), bitsPerSample: buf.readUInt16LE(body + 14) };
    if (id === 'data') {
      if (!fmt) throw new Error('data chunk before fmt chunk');
      // A streamed header claims more than was written: the data is what is there.
      const dataBytes = Math.min(size, buf.length - body);
      const frame = fmt.channels * (fmt.bitsPerSample / 8);
      return { ...fmt, dataOffset: body, dataBytes, seconds: dataBytes / frame / fmt.sampleRate };
    }
    off = body + size + (size % 2);
  }
  throw new Error('no data chunk');
}

/** The same file with the RIFF and data sizes set to what it holds. */
export function sealWav(buf: Buffer): Buffer {
  const info = parseWav(buf);
  const out = Buffer.from(buf.subarray(0, info.dataOffset + info.dataBytes));
  out.writeUInt32LE(out.length - 8, 4);
  out.writeUInt32LE(info.dataBytes, info.dataOffset - 4);
  return out;
}

/** Root mean square of 16-bit samples, 0..1 of full scale: how loud the speech is on average. */
export function rms16(buf: Buffer, info: WavInfo = parseWav(buf)): number {
  if (info.bitsPerSample !== 16) throw new Error(`rms16 needs 16-bit samples, not ${info.bitsPerSample}`);
  let sum = 0;
  const n = Math.floor(info.dataBytes / 2);
  for (let i = 0; i < n; i++) {
    const s = buf.readInt16LE(info.dataOffset + i * 2) / 32768;
    sum += s * s;
  }
  return n ? Math.sqrt(sum / n) : 0;
}
