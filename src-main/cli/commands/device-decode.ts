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

function parseMax(v: unknown): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError('--max 须为 1 到 100 的整数 (--max takes a whole number from 1 to 100)');
  return n;
}

export const command = defineCommand({
  path: ['device', 'decode'],
  summary: '识别图像中的条码 (decode barcodes in image files)',
  help: `
yzt device decode FILE... [--json] [--formats LIST] [--charset CS] [--max N] [--exhaustive]

识别扫描件中的二维码和条码（QR、Data Matrix、PDF417、Code128）。可以是 JPG、PNG、TIFF
（多页逐页识别）或 PDF（每页按 300dpi 渲染后识别），例如 300dpi 扫描的 A4 文书。找到第一个
条码即停止（--max 要更多）。每个文件输出识别到的内容、所在页、码制、字符集和耗时，并说明内容
是否需要当事人核对。
Decodes QR, Data Matrix, PDF417 and Code128 codes in scans: JPEG, PNG, TIFF (every page) or
PDF (every page rendered at 300 dpi), e.g. a 300-dpi A4 judgment. Stops at the first code
unless --max asks for more. Prints, per file, each payload with its page, format, charset and
the milliseconds taken, plus what the payload appears to be (case number, URL, fields) and
whether it needs confirming.

  --json          one JSON object per file, one per line:
                  {"file","ok","ms","pages","results":[{"text","format","charset",
                  "charsetConfident","page","via","reading":{"needsConfirmation","summary_zh",
                  "findings"}}],"error"?}
  --formats LIST  comma-separated subset of qr,datamatrix,pdf417,code128 (default all)
  --charset CS    byte payloads: auto (UTF-8 or GBK, chosen from the bytes; default), utf-8,
                  gbk, gb18030, iso-8859-1
  --max N         stop after N codes in each file (default 1)
  --exhaustive    try every step on every page even after a find (slower)

Exit status: 0 every file had at least one code; 1 a file was unreadable or had none (message
in Chinese and English on stderr); 2 wrong usage.
`,
  options: {
    json: { type: 'boolean' },
    formats: { type: 'string' },
    charset: { type: 'string' },
    max: { type: 'string' },
    exhaustive: { type: 'boolean' },
  },
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('请给出至少一个图像文件 (give at least one image file)');
    const formats = parseFormats(values.formats);
    const charset = parseCharset(values.charset);
    const maxResults = parseMax(values.max);
    const decoder = createBarcodeDecoder({ ...(formats ? { formats } : {}), ...(charset ? { charset } : {}), ...(maxResults ? { maxResults } : {}), exhaustive: values.exhaustive === true });
    let status = 0;
    try {
      for (const file of positionals) {
        const r = await decoder.decodeFile(file);
        const results = r.results.map(({ bytes: _bytes, ...s }) => ({ ...s, reading: understandPayload(s.text) }));
        if (!r.ok || results.length === 0) status = 1;
        if (values.json === true) {
          io.out(JSON.stringify({ file, ok: r.ok, ms: Math.round(r.ms), pages: r.pages ?? 0, results, ...(r.error ? { error: r.error } : {}) }));
        } else if (r.error) {
          io.err(`${file}: ${r.error.message_zh} (${r.error.message_en})`);
        } else if (results.length === 0) {
          io.err(`${file}: 未识别到条码 (no barcode found) ${Math.round(r.ms)} ms`);
        } else {
          io.out(`${file}: ${results.length} 个条码 (codes), ${Math.round(r.ms)} ms`);
          for (const s of results) {
            io.out(`  第${s.page}页 (page ${s.page})  ${s.format} ${s.charset}${s.charsetConfident ? '' : '?'}  ${s.text}`);
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
