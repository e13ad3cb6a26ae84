/**
 * Pinyin input of names on a kiosk without a keyboard: the applicant taps the syllable, the
 * keyboard offers the characters. Candidates are the 3,755 level-1 characters of GB 2312 (the
 * common ones, enumerated by decoding their GB codes, so no character list ships with us),
 * then level 2; readings come from pinyin-pro. Common surnames come first, since names are
 * what people type here. Built once, on first use.
 */
type PinyinFn = (text: string, opts: { toneType: 'none'; multiple: true; type: 'array' }) => string[];

// The most frequent Chinese surnames, most frequent first (public census rankings).
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';

let index: Map<string, string[]> | null = null;
let pinyin: PinyinFn | null = null;

/** Loads the pinyin data (a separate chunk) once; the keyboard calls it when it first opens. */
export async function loadPinyin(): Promise<void> {
  if (pinyin) return;
  const mod = await import('pinyin-pro');
  pinyin = mod.pinyin as unknown as PinyinFn;
}

function gb2312Chars(rowFrom: number, rowTo: number): string[] {
  const dec = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let row = rowFrom; row <= rowTo; row++) {
    for (let col = 0xa1; col <= 0xfe; col++) {
      const ch = dec.decode(new Uint8Array([row, col]));
      if (ch.length === 1 && ch !== '\ufffd' && /\p{Script=Han}/u.test(ch)) out.push(ch);
    }
  }
  return out;
}

function build(read: PinyinFn): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const seen = new Set<string>();
  const order = [...SURNAMES, ...gb2312Chars(0xb0, 0xd7), ...gb2312Chars(0xd8, 0xf7)];
  for (const ch of order) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    for (const py of read(ch, { toneType: 'none', multiple: true, type: 'array' })) {
      const key = py.replace('ü', 'v');
      const list = map.get(key);
      if (list) list.push(ch);
      else map.set(key, [ch]);
    }
  }
  return map;
}

/** Characters read as `syllable` (letters a-z, `v` for ü), commonest first; none until loadPinyin resolved. */
export function candidates(syllable: string, limit = 40): string[] {
  if (!pinyin) return [];
  index ??= build(pinyin);
  const key = syllable.toLowerCase();
  if (!key) return [];
  const exact = index.get(key) ?? [];
  if (exact.length >= limit) return exact.slice(0, limit);
  // Not a whole syllable yet: offer the characters of the syllables it begins.
  const more: string[] = [];
  for (const [k, chars] of index) if (k !== key && k.startsWith(key)) more.push(...chars.slice(0, 4));
  return [...exact, ...more].slice(0, limit);
}
