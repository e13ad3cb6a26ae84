import { defineCommand, UsageError } from '../command.js';
import { createBarcodeDecoder } from '../../../hardware/barcode/decoder.js';
import { isCharsetSetting, type CharsetSetting } from '../../../src-shared/scan/charset.js';
import { understandPayload } from '../../../src-shared/scan/payload.js';
import { ALL_FORMATS, type FormatName } from '../../../src-shared/scan/zxing-decode.js';

function parseFormats(v: unknown): FormatName[] | undefined {
  if (typeof v !== 'string') return undefined;
  const list = v.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((f) => !(ALL_FORMATS as readonly string[]).includes(f));
  if (bad.length > 0 || list.length === 0) throw new UsageError(`--formats 只能是 ${ALL_FORMATS.join(',')} (unknown format: ${bad.join(',') || v})`);
  return list as FormatName[];
}

function parseCharset(v: unknown): CharsetSetting | undefined {
  if (v === undefined) return undefined;
  if (!isCharsetSetting(v)) throw new UsageError('--charset 只能是 auto、utf-8、gbk、gb18030 或 iso-8859-1 (--charset takes auto, utf-8, gbk, gb18030 or iso-8859-1)');
  return v;
}

export const command = defineCommand({
  path: ['device', 'decode'],
  summary: '识别图像中的条码 (decode barcodes in image files)',
  help: `
yzt device decode IMAGE... [--json] [--formats LIST] [--charset CS] [--exhaustive]

识别 PNG 图像中的二维码和条码（QR、Data Matrix、PDF417、Code128），例如 300dpi 扫描的
A4 文书页。每个文件输出识别到的内容、码制、字符集和耗时，并说明内容是否需要当事人核对。
Decodes QR, Data Matrix, PDF417 and Code128 codes in PNG images (e.g. a 300-dpi A4 page) and
prints, per file, each payload with its format, charset and the milliseconds taken, plus what
the payload appears to be (case number, URL, fields) and whether it needs confirming.

  --json          one JSON object per file, one per line:
                  {"file","ok","ms","results":[{"text","format","charset","charsetConfident",
                  "via","reading":{"needsConfirmation","summary_zh","findings"}}],"error"?}
  --formats LIST  comma-separated subset of qr,datamatrix,pdf417,code128 (default all)
  --charset CS    byte payloads: auto (UTF-8 or GBK, chosen from the bytes; default), utf-8,
                  gbk, gb18030, iso-8859-1
  --exhaustive    try every downscale level even after a find (slower; more codes per page)

Exit status: 0 every file had at least one code; 1 a file was unreadable or had none (message
in Chinese and English on stderr); 2 wrong usage.
`,
  options: {
    json: { type: 'boolean' },
    formats: { type: 'string' },
    charset: { type: 'string' },
    exhaustive: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('请给出至少一个图像文件 (give at least one image file)');
    const formats = parseFormats(values.formats);
    const charset = parseCharset(values.charset);
    const decoder = createBarcodeDecoder({ ...(formats ? { formats } : {}), ...(charset ? { charset } : {}), exhaustive: values.exhaustive === true });
    let status = 0;
    try {
      for (const file of positionals) {
        const r = await decoder.decodeFile(file);
        const results = r.results.map(({ bytes: _bytes, ...s }) => ({ ...s, reading: understandPayload(s.text) }));
        if (!r.ok || results.length === 0) status = 1;
        if (values.json === true) {
          io.out(JSON.stringify({ file, ok: r.ok, ms: Math.round(r.ms), results, ...(r.error ? { error: r.error } : {}) }));
        } else if (r.error) {
          io.err(`${file}: ${r.error.message_zh} (${r.error.message_en})`);
        } else if (results.length === 0) {
          io.err(`${file}: 未识别到条码 (no barcode found) ${Math.round(r.ms)} ms`);
        } else {
          io.out(`${file}: ${results.length} 个条码 (codes), ${Math.round(r.ms)} ms`);
          for (const s of results) {
            io.out(`  ${s.format} ${s.charset}${s.charsetConfident ? '' : '?'}  ${s.text}`);
            io.out(`    ${s.reading.summary_zh} (${s.reading.summary_en})`);
          }
        }
      }
    } finally {
      await decoder.close();
    }
    return status;
  },
});
