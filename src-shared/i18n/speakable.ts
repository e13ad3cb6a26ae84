/**
 * Text as a voice should read it. A synthesiser reads "0811" as "eight hundred and eleven" and
 * "临-3F9A21-20261122-0007" as noise; the applicant has to copy these down, so numbers that are
 * codes are read one character at a time, with a pause between groups. Masked parts of an ID
 * number are said to be hidden instead of being read as a row of stars.
 */
const ZH_DIGITS = '零一二三四五六七八九';

function spell(code: string, lang: 'zh' | 'en'): string {
  const chars = [...code].filter((c) => /[0-9A-Za-z]/.test(c));
  return chars.map((c) => (lang === 'zh' && /[0-9]/.test(c) ? ZH_DIGITS[Number(c)] : c.toUpperCase())).join(' ');
}

/** A canonical case number: （2026）豫0811执12号. */
const CASE_NUMBER = /[（(](\d{4})[）)]([\u4e00-\u9fff]{1,2})(\d{2,4})([\u4e00-\u9fff]{1,4})(\d{1,6})号/g;
/** A provisional number: 临-3F9A21-20261122-0007. */
const PROVISIONAL = /临-([0-9A-F]{6})-(\d{8})-(\d{4})/g;

export function speakable(text: string, lang: 'zh' | 'en'): string {
  const pause = lang === 'zh' ? '，' : ', ';
  return (
    text
      .replace(CASE_NUMBER, (_m, year: string, prov: string, court: string, kind: string, seq: string) =>
        lang === 'zh' ? `${spell(year, 'zh')}年${pause}${prov}${spell(court, 'zh')}${pause}${kind}${pause}${seq}号` : `year ${spell(year, 'en')}${pause}${prov} ${spell(court, 'en')}${pause}${kind}${pause}number ${seq}`,
      )
      .replace(PROVISIONAL, (_m, dev: string, date: string, seq: string) =>
        [lang === 'zh' ? '临时编号' : 'provisional number', spell(dev, lang), spell(date, lang), spell(seq, lang)].join(pause),
      )
      .replace(/[*＊]{3,}/g, lang === 'zh' ? '（部分隐去）' : ' (partly hidden) ')
      // Phone numbers and other long digit runs: one digit at a time.
      .replace(/\d{7,}/g, (m) => spell(m, lang))
      .replace(/¥\s?/g, lang === 'zh' ? '人民币' : 'yuan ')
      .replace(/[ \t]*\n+[ \t]*/g, pause)
      .replace(/　+/g, pause)
  );
}
