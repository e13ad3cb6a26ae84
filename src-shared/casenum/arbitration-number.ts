/**
 * Numbers of arbitration awards (仲裁裁决书文号). They are not court case numbers: each
 * arbitration commission numbers its awards its own way, e.g. （2024）郑仲裁字第123号 or
 * 郑仲案字〔2024〕123号, and a labour dispute commission e.g. 焦劳人仲案字〔2024〕45号. The rules
 * accept any such number for an arbitration award (seed 001 art. 7 asks only that the basis is
 * named; the clerk checks it against the document), so this module builds the number an
 * applicant composes by touch and reads one back, without refusing other spellings.
 */
import type { CityCourts } from './court-codes.js';

export type ArbitrationBody = 'commercial' | 'labour';
/** Who issued a basis document whose number was composed: a court, or a commission of either kind. */
export type Issuer = 'court' | ArbitrationBody;

/** An arbitration commission an applicant picks by city, never by typing its abbreviation. */
export interface Commission {
  body: ArbitrationBody;
  name: string;
  /** The abbreviation its numbers start with: the city's first character. */
  abbr: string;
}

/** How a commission lays out its numbers: the words after the abbreviation, and where the year goes. */
export interface ArbitrationForm {
  id: string;
  body: ArbitrationBody;
  word: string;
  layout: 'year-first' | 'name-first';
}

export const ARBITRATION_FORMS: readonly ArbitrationForm[] = [
  { id: 'cai-year-first', body: 'commercial', word: '仲裁字', layout: 'year-first' },
  { id: 'an-name-first', body: 'commercial', word: '仲案字', layout: 'name-first' },
  { id: 'cai-name-first', body: 'commercial', word: '仲裁字', layout: 'name-first' },
  { id: 'labour-an-name-first', body: 'labour', word: '劳人仲案字', layout: 'name-first' },
  { id: 'labour-cai-name-first', body: 'labour', word: '劳人仲裁字', layout: 'name-first' },
];

/** The city's two commissions: the arbitration commission and the labour dispute one. */
export function commissionsOf(city: CityCourts): Commission[] {
  const stem = city.city_zh.replace(/市$/u, '');
  const abbr = [...stem][0] ?? stem;
  return [
    { body: 'commercial', name: `${stem}仲裁委员会`, abbr },
    { body: 'labour', name: `${city.city_zh}劳动人事争议仲裁委员会`, abbr },
  ];
}

export interface ArbitrationNumber {
  abbr: string;
  form: ArbitrationForm;
  year: number;
  seq: number;
}

export function formatArbitrationNumber(n: ArbitrationNumber): string {
  return n.form.layout === 'year-first' ? `（${n.year}）${n.abbr}${n.form.word}第${n.seq}号` : `${n.abbr}${n.form.word}〔${n.year}〕${n.seq}号`;
}

const YEAR_FIRST = /^[（(](\d{4})[）)](\p{Script=Han})(\p{Script=Han}+字)第?(\d+)号$/u;
const NAME_FIRST = /^(\p{Script=Han})(\p{Script=Han}+字)[〔［[（(](\d{4})[〕］\]）)]第?(\d+)号$/u;

/** A number in one of the forms above (spaces and half-width brackets allowed); null otherwise. */
export function readArbitrationNumber(input: string): ArbitrationNumber | null {
  const s = input.replace(/[\s\u3000]+/gu, '');
  const y = YEAR_FIRST.exec(s);
  const n = y ? null : NAME_FIRST.exec(s);
  const [abbr, word, year, seq] = y ? [y[2], y[3], y[1], y[4]] : n ? [n[1], n[2], n[3], n[4]] : [];
  const layout = y ? 'year-first' : 'name-first';
  const form = ARBITRATION_FORMS.find((f) => f.word === word && f.layout === layout);
  if (!abbr || !form || !year || !seq || /^0/.test(seq)) return null;
  return { abbr, form, year: Number(year), seq: Number(seq) };
}
