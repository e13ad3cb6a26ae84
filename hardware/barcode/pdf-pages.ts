/**
 * PDF pages rendered to grey pixels. On Linux kiosks and counters poppler's pdftoppm does it
 * (scripts/debian-packages.txt installs it): fast, and it renders straight to 8-bit grey. Where
 * it is missing (a Windows kiosk) pdfjs-dist renders in JavaScript onto @napi-rs/canvas, the
 * canvas pdfjs-dist itself installs for Node.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { toGrey, type GreyImage } from '../../src-shared/scan/luminance.js';

const MAX_PAGES = 200;

/** Parses binary PGM (P5, 8-bit), pdftoppm's grey output. */
export function parsePgm(buf: Buffer): GreyImage {
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'));
  if (!head) throw new Error('not a PGM file');
  const width = Number(head[1]);
  const height = Number(head[2]);
  if (Number(head[3]) !== 255) throw new Error('PGM is not 8-bit');
  const start = head[0].length;
  if (buf.length < start + width * height) throw new Error('PGM is short');
  return { data: new Uint8ClampedArray(buf.buffer, buf.byteOffset + start, width * height), width, height };
}

let popplerKnown: boolean | undefined;

async function hasPdftoppm(): Promise<boolean> {
  if (popplerKnown === undefined) {
    popplerKnown = await promisify(execFile)('pdftoppm', ['-v']).then(
      () => true,
      () => false,
    );
  }
  return popplerKnown;
}

async function* viaPoppler(bytes: Uint8Array, dpi: number, bad: Error): AsyncGenerator<GreyImage> {
  const dir = await mkdtemp(join(tmpdir(), 'yzt-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    await writeFile(file, bytes);
    try {
      await promisify(execFile)('pdftoppm', ['-r', String(dpi), '-gray', '-l', String(MAX_PAGES), file, join(dir, 'p')], { timeout: 120_000 });
    } catch {
      throw bad;
    }
    // p-1.pgm, p-01.pgm or p-001.pgm depending on the page count: same width, so names sort.
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    if (pages.length === 0) throw bad;
    for (const p of pages) yield parsePgm(await readFile(join(dir, p)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function* viaPdfjs(bytes: Uint8Array, dpi: number, bad: Error): AsyncGenerator<GreyImage> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    // pdfjs takes ownership of the buffer it is given: hand it a copy.
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  } catch {
    throw bad;
  }
  try {
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: unknown; context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } } };
      const width = Math.ceil(viewport.width);
      const height = Math.ceil(viewport.height);
      const { canvas, context } = factory.create(width, height);
      await page.render({ canvasContext: context as never, viewport, background: 'white' }).promise;
      yield toGrey({ data: context.getImageData(0, 0, width, height).data, width, height, channels: 4 });
      page.cleanup();
      void canvas;
    }
  } finally {
    await doc.destroy();
  }
}

export async function* renderPdfPages(bytes: Uint8Array, dpi: number, bad: Error, engine?: 'poppler' | 'pdfjs'): AsyncGenerator<GreyImage> {
  const use = engine ?? ((await hasPdftoppm()) ? 'poppler' : 'pdfjs');
  yield* use === 'poppler' ? viaPoppler(bytes, dpi, bad) : viaPdfjs(bytes, dpi, bad);
}
