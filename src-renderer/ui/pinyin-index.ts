/**
 * Pinyin input of names on a kiosk without a keyboard: the applicant taps the syllable, the
 * keyboard offers the characters. Every character pinyin-pro has a reading for is offered
 * (CJK Unified Ideographs and Extension A: names use 喆, 堃, 玥… beyond GB 2312), ordered so
 * the ones people write in names and addresses come first:
 *   1. the hand-made name and address list (src-shared/text/name-characters.ts), in its order,
 *      by main reading (a surname's by its surname reading: 曾 zeng);
 *   2. GB 2312 level 1 (the 3,755 common characters), where the syllable is the character's
 *      main reading; GB 2312 orders them by pinyin, so a character listed under another
 *      syllable (臭 under chou) is only offered for its second reading (xiu) in step 3;
 *   3. GB 2312 level 1 by a second reading, then level 2 by main, then by second reading;
 *   4. everything else pinyin-pro knows, main readings first.
 * No frequency table ships with pinyin-pro or the OS, hence the tiers. Built once, when the
 * keyboard first opens, in slices so the page keeps answering taps meanwhile.
 */
import { NAME_ADDRESS_CHARS } from '../../src-shared/text/name-characters.js';

/** pinyin-pro's `polyphonic`: every reading of each character, main reading first. */
export type PolyphonicFn = (text: string, opts: { toneType: 'none'; type: 'array' }) => string[][];

const HAN_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
];
const SLICE = 4000;

let index: Map<string, string[]> | null = null;
let loading: Promise<void> | null = null;

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

/** Characters in the order they are ranked before their reading is considered. */
function rankedChars(): { order: string[]; tier: Map<string, number> } {
  const tier = new Map<string, number>();
  const order: string[] = [];
  const put = (chars: Iterable<string>, t: number) => {
    for (const ch of chars) {
      if (tier.has(ch)) continue;
      tier.set(ch, t);
      order.push(ch);
    }
  };
  put(NAME_ADDRESS_CHARS, 0);
  put(gb2312Chars(0xb0, 0xd7), 1);
  put(gb2312Chars(0xd8, 0xf7), 2);
  for (const [from, to] of HAN_BLOCKS) {
    const block: string[] = [];
    for (let c = from; c <= to; c++) block.push(String.fromCodePoint(c));
    put(block, 3);
  }
  return { order, tier };
}

// Sort band per (tier, main or second reading): name list main, L1 main, L1 second or name
// list second, L2 main, L2 second, rest main, rest second.
const BAND = [[0, 2], [1, 2], [3, 4], [5, 6]] as const;
const SYLLABLE = /^[a-zü]+$/;

/**
 * Builds the syllable → characters index. `surnameReading` gives a surname's reading as a
 * surname (曾 is zeng, not ceng), which counts as a main reading. `pause` lets the caller
 * yield between slices.
 */
export async function buildPinyinIndex(
  polyphonic: PolyphonicFn,
  surnameReading: (ch: string) => string | undefined = () => undefined,
  pause: () => Promise<void> = async () => {},
): Promise<Map<string, string[]>> {
  const { order, tier } = rankedChars();
  const keys = new Map<string, number[]>();
  for (let at = 0; at < order.length; at += SLICE) {
    const slice = order.slice(at, at + SLICE);
    const readings = polyphonic(slice.join(''), { toneType: 'none', type: 'array' });
    for (let i = 0; i < slice.length; i++) {
      const ch = slice[i]!;
      const t = tier.get(ch)!;
      const rs = readings[i] ?? [];
      const surname = t === 0 ? surnameReading(ch) : undefined;
      const all = surname ? [surname, ...rs] : rs;
      for (let r = 0; r < all.length; r++) {
        const py = all[r]!;
        // pinyin-pro gives a character it does not know back as itself
        if (all.indexOf(py) !== r || !SYLLABLE.test(py)) continue;
        const isMain = r === 0 || (surname !== undefined && py === rs[0]);
        const key = BAND[t]![isMain ? 0 : 1] * 1_000_000 + at + i;
        const syllable = py.includes('ü') ? py.replace('ü', 'v') : py;
        const list = keys.get(syllable);
        if (list) list.push(key);
        else keys.set(syllable, [key]);
      }
    }
    await pause();
  }
  const out = new Map<string, string[]>();
  for (const [syllable, list] of keys) out.set(syllable, list.sort((a, b) => a - b).map((k) => order[k % 1_000_000]!));
  return out;
}

/** Loads pinyin-pro (a separate chunk) and builds the index once; the keyboard calls it when it first opens. */
export function loadPinyin(): Promise<void> {
  loading ??= (async () => {
    const mod = await import('pinyin-pro');
    const surname = (ch: string) => mod.pinyin(ch, { mode: 'surname', toneType: 'none' });
    index = await buildPinyinIndex(mod.polyphonic as unknown as PolyphonicFn, surname, () => new Promise((r) => setTimeout(r, 0)));
  })();
  return loading;
}

/** Characters read as `syllable` (letters a-z, `v` for ü), commonest first; none until loadPinyin resolved. */
export function candidates(syllable: string, limit = 40): string[] {
  if (!index) return [];
  const key = syllable.toLowerCase();
  if (!key) return [];
  const exact = index.get(key) ?? [];
  if (exact.length >= limit) return exact.slice(0, limit);
  // Not a whole syllable yet: offer the characters of the syllables it begins.
  const more: string[] = [];
  for (const [k, chars] of index) if (k !== key && k.startsWith(key)) more.push(...chars.slice(0, 4));
  return [...exact, ...more].slice(0, limit);
}
