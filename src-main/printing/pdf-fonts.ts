/**
 * The fonts every PDF is set in. The bundled subset of Noto Sans CJK SC (assets/fonts, SIL OFL,
 * made by scripts/fonts/make-noto-sc-subset.py) is there wherever the app runs: in a checkout,
 * in the packaged app (electron-builder.yml packs assets/fonts) and on Windows, which has no Noto
 * CJK. It holds the 通用规范汉字表 and GB 2312; a character it lacks (a rare name character) is
 * drawn from a system CJK font when one is installed, so nothing prints as an empty box.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type PDFDocument from 'pdfkit';
import { AppError } from '../../src-shared/api/errors.js';
import { APP_ROOT } from '../paths.js';

type Pdf = InstanceType<typeof PDFDocument>;

export const BUNDLED_FONT = join(APP_ROOT, 'assets', 'fonts', 'NotoSansSC-subset.otf');

export interface FontFile {
  file: string;
  /** The PostScript name of the face inside a collection (.ttc). */
  family?: string;
}

const windowsFonts = join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts');
const SYSTEM_FALLBACKS: FontFile[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'NotoSerifCJKsc-Regular' },
  { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { file: join(windowsFonts, 'msyh.ttc'), family: 'MicrosoftYaHei' },
  { file: join(windowsFonts, 'simsun.ttc'), family: 'SimSun' },
  { file: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
];

/**
 * The system fonts tried for characters the bundled font lacks. YZT_PDF_FALLBACK_FONTS replaces
 * the list (files separated by the path delimiter, `FILE#FAMILY` for a collection); set empty,
 * there is no fallback — how the tests make PDFs with only the bundled font.
 */
export function systemFallbackFonts(env: NodeJS.ProcessEnv = process.env): FontFile[] {
  const v = env.YZT_PDF_FALLBACK_FONTS;
  if (v === undefined) return SYSTEM_FALLBACKS;
  return v
    .split(delimiter)
    .filter((s) => s !== '')
    .map((s) => {
      const [file = s, family] = s.split('#');
      return family ? { file, family } : { file };
    });
}

export class FontMissingError extends AppError {
  constructor(path: string) {
    super('pdf.no-font', '缺少生成文书所需的字体文件，无法生成 PDF，请联系技术人员', `The PDF font is missing at ${path}; reinstall the app (assets/fonts)`);
    this.name = 'FontMissingError';
  }
}

const PRIMARY = 'cjk';
const FALLBACK = 'cjk-fallback';

/** pdfkit keeps the fontkit font of the current face here; its types do not say so. */
function currentFace(doc: Pdf): { hasGlyphForCodePoint(cp: number): boolean } {
  return (doc as unknown as { _font: { font: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
}

interface FontState {
  primary: { hasGlyphForCodePoint(cp: number): boolean };
  /** Loaded on the first character the primary font lacks; null when none could be loaded. */
  fallback?: { hasGlyphForCodePoint(cp: number): boolean } | null;
  fallbacks: FontFile[];
}

const states = new WeakMap<Pdf, FontState>();

/**
 * Sets the document in the bundled font (or `primaryFile`, for tests) and remembers the
 * fallbacks for writeText. Throws FontMissingError when the primary font file is missing.
 */
export function useCjkFonts(doc: Pdf, primaryFile: string = BUNDLED_FONT, fallbacks: FontFile[] = systemFallbackFonts()): void {
  if (!existsSync(primaryFile)) throw new FontMissingError(primaryFile);
  doc.registerFont(PRIMARY, primaryFile);
  doc.font(PRIMARY);
  states.set(doc, { primary: currentFace(doc), fallbacks });
}

function loadFallback(doc: Pdf, state: FontState): FontState['fallback'] {
  if (state.fallback !== undefined) return state.fallback;
  state.fallback = null;
  for (const f of state.fallbacks) {
    if (!existsSync(f.file)) continue;
    try {
      doc.registerFont(FALLBACK, f.file, f.family as string);
      doc.font(FALLBACK);
      state.fallback = currentFace(doc);
      break;
    } catch {
      // not a font fontkit can read, or no such face in the collection: try the next one
    }
  }
  doc.font(PRIMARY);
  return state.fallback;
}

type TextOptions = PDFKit.Mixins.TextOptions;

/** The text cut into runs, each set in the first font that has its characters. */
function runs(doc: Pdf, state: FontState, text: string): { font: string; text: string }[] {
  const out: { font: string; text: string }[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    let font = PRIMARY;
    // Line breaks and other controls have no glyph and need none.
    if (cp >= 0x20 && !state.primary.hasGlyphForCodePoint(cp) && loadFallback(doc, state)?.hasGlyphForCodePoint(cp)) font = FALLBACK;
    const last = out[out.length - 1];
    if (last && last.font === font) last.text += ch;
    else out.push({ font, text: ch });
  }
  return out;
}

/**
 * doc.text for CJK text: characters the bundled font lacks are set in the system fallback font,
 * as runs of one paragraph (pdfkit's `continued`), so lines still wrap and align as one text.
 */
export function writeText(doc: Pdf, text: string, options: TextOptions = {}): Pdf {
  const state = states.get(doc);
  if (!state) throw new Error('writeText needs useCjkFonts(doc) first');
  const parts = runs(doc, state, text);
  if (parts.length <= 1) return doc.text(text, options);
  parts.forEach((p, i) => {
    doc.font(p.font).text(p.text, { ...options, continued: i < parts.length - 1 ? true : (options.continued ?? false) });
  });
  return doc.font(PRIMARY);
}
