/**
 * A court named from its 法院代字 for people: the profile's name where the kiosk knows the court,
 * otherwise the province and level the code itself says (豫0811: a basic court in Henan).
 */
import { findCourtByCode } from './court-profile.js';
import { highCourtCode } from '../casenum/provinces.js';



export interface CourtName {
  zh: string;
  en: string;
  /** True when the kiosk knows the court itself (a court profile), not only its province and level. */
  known: boolean;
}

export function courtNameOf(code: string): CourtName {
  const profile = findCourtByCode(code);
  if (profile) return { zh: profile.name, en: `${profile.name} (court code ${code})`, known: true };
  const h = highCourtCode(code[0] ?? '');
  const [pzh, pen] = h ? [h.region_zh, h.name_en] : ['', ''];
  const digits = code.slice(1).length;
  if (h && digits === 0) return { zh: `${h.court_zh}（法院代字“${code}”）`, en: `the high court of ${h.name_en} (court code ${code})`, known: false };
  const level: [string, string] = digits === 0 ? ['高级人民法院', 'high court'] : digits === 2 ? ['一家中级人民法院', 'an intermediate court'] : ['一家基层人民法院', 'a basic-level court'];
  return { zh: `${pzh}的${level[0]}（法院代字“${code}”）`, en: `${digits === 0 ? 'the' : ''}${digits === 0 ? ' ' : ''}${level[1]} of ${pen} (court code ${code})`, known: false };
}
