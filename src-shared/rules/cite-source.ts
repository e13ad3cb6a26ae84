/**
 * A rule's source as a clerk cites it: the document's title and its own numbering, e.g.
 * "seed 003 ch.3 §3" → 《武陟县人民法院执行权运行机制改革实施方案》第三章三. Profiles keep
 * the short seed reference (it is what domain.md and the tests use); every screen and paper a
 * clerk reads goes through this. A source that names no seed (a national rule) is shown as written.
 */
import { SEED_DOCUMENTS } from '../courts/seed-documents.js';

export interface Citation {
  zh: string;
  en: string;
}

const DIGITS = '零一二三四五六七八九';

/** 1-99 in Chinese numerals (十一, 二十, 二十五), as article and chapter numbers are written. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

type Level = 'article' | 'chapter' | 'group' | 'top';

/** One comma-separated part of a reference ("art. 11(二)3", "§9-10", "12"), in the context the part before it set. */
function partZh(part: string, ctx: { level: Level }): string | null {
  let rest = part.trim();
  let out = '';
  let first = true;
  const take = (re: RegExp): RegExpExecArray | null => {
    const m = re.exec(rest);
    if (m) rest = rest.slice(m[0].length).trimStart();
    return m;
  };
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = take(/^art\.\s*(\d+)(?:-(\d+))?/))) {
      ctx.level = 'article';
      out += m[2] ? `第${chineseNumber(Number(m[1]))}至${chineseNumber(Number(m[2]))}条` : `第${chineseNumber(Number(m[1]))}条`;
    } else if ((m = take(/^ch\.\s*(\d+)/))) {
      ctx.level = 'chapter';
      out += `第${chineseNumber(Number(m[1]))}章`;
    } else if ((m = take(/^group\s*(\d+)/))) {
      ctx.level = 'group';
      out += `第${chineseNumber(Number(m[1]))}组`;
    } else if ((m = take(/^§\s*([一二三四五六七八九十]+)/))) {
      out += m[1];
    } else if ((m = take(/^§\s*(\d+)(?:-(\d+))?(?:\.(\d+))?/))) {
      if (ctx.level === 'group' || ctx.level === 'article') out += m[2] ? `第${m[1]}-${m[2]}项` : `第${m[1]}项`;
      else out += (m[2] ? `${chineseNumber(Number(m[1]))}至${chineseNumber(Number(m[2]))}` : chineseNumber(Number(m[1]))) + (m[3] ? `第${m[3]}项` : '');
    } else if ((m = take(/^[(（]([一二三四五六七八九十]+)[)）]/))) {
      out += `（${m[1]}）`;
    } else if ((m = take(/^[(（](\d+)[)）](?:-[(（](\d+)[)）])?/))) {
      out += m[2] ? `第${m[1]}至${m[2]}项` : `第${m[1]}项`;
    } else if ((m = take(/^(\d+)(?:-(\d+))?/))) {
      // A bare number continuing a list of articles ("art. 5, 12") is an article; after a section, an item.
      if (first && ctx.level === 'article') out += m[2] ? `第${chineseNumber(Number(m[1]))}至${chineseNumber(Number(m[2]))}条` : `第${chineseNumber(Number(m[1]))}条`;
      else out += m[2] ? `第${m[1]}-${m[2]}项` : `第${m[1]}项`;
    } else if ((m = take(/^[(（]([^()（）]+)[)）]/))) {
      // A remark in brackets ("art. 16 (法定6个月期限)") is kept as a remark.
      out += `（${m[1]}）`;
    } else {
      return null;
    }
    first = false;
  }
  return out;
}

/** The source of a rule as cited to a clerk: Chinese with the document's title, English likewise; several sources are separated by ';'. */
export function citeSource(source: string): Citation {
  if (!source.includes(';')) return citeOne(source);
  const parts = source.split(/\s*;\s*/).filter(Boolean).map(citeOne);
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

function citeOne(source: string): Citation {
  const m = /^\s*seed\s+(\d{3})\b\s*(.*)$/s.exec(source);
  const doc = m ? SEED_DOCUMENTS[m[1]!] : undefined;
  if (!m || !doc) return { zh: source, en: source };
  const ref = m[2]!.trim();
  const ctx = { level: (doc.structure === 'chapters' ? 'chapter' : doc.structure === 'groups' ? 'top' : 'article') as Level };
  const parts = ref ? ref.split(/\s*[,，]\s*/) : [];
  const zhParts = parts.map((p) => partZh(p, ctx));
  // A reference this reader does not know is kept as written beside the title rather than guessed at.
  const zhRef = zhParts.every((p): p is string => p !== null) ? zhParts.join('、') : ref;
  return { zh: `《${doc.title_zh}》${zhRef}`, en: `${doc.title_en}${ref ? `, ${ref}` : ''}` };
}
