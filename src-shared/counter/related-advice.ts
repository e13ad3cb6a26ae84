/**
 * What a related-case search means for the filing (seed 001 art. 9, 29), by the court's own
 * rules (profile `relatedSearch`): an enterprise respondent that is the obligor in at least the
 * court's number of unfinished cases — guide the applicant toward bankruptcy; a natural person
 * in that position — point to the court's personal-insolvency pilot (art. 29) where it has one,
 * else nothing, since a natural person cannot be made bankrupt; the respondent as a creditor
 * elsewhere, or the applicant as a respondent elsewhere — tell the enforcement department.
 */
import type { RelatedSearchRules } from '../courts/court-profile.js';
import type { RelatedAdvice, RelatedCase } from './contract.js';

const ART_9 = 'seed 001 art. 9';

export interface SearchedParty {
  kind: 'person' | 'company';
  name: string;
}

const numbers = (cases: readonly RelatedCase[]) => [...new Set(cases.map((c) => c.number))];

export function relatedAdvice(cases: readonly RelatedCase[], respondents: readonly SearchedParty[], rules: RelatedSearchRules | undefined): RelatedAdvice[] {
  const out: RelatedAdvice[] = [];
  respondents.forEach((r, i) => {
    const asObligor = numbers(cases.filter((c) => c.role === 'respondent' && c.party === i));
    if (!rules || asObligor.length < rules.bankruptcyAt) return;
    if (r.kind === 'company') {
      out.push({
        kind: 'bankruptcy',
        message_zh: `被执行人${r.name}作为义务人有 ${asObligor.length} 件未结案件（本院标准：${rules.bankruptcyAt} 件以上），可引导申请执行人直接申请破产立案；不申请的，检索情况随立案材料一并移交执行部门`,
        message_en: `The respondent ${r.name} is the obligor in ${asObligor.length} unfinished cases (the court's mark: ${rules.bankruptcyAt}); the applicant may be guided to file for bankruptcy, else the search goes with the filing to the enforcement department`,
        source: rules.source,
      });
    } else if (rules.personalInsolvencyPilot) {
      const p = rules.personalInsolvencyPilot;
      out.push({
        kind: 'personal-insolvency',
        message_zh: `被执行人${r.name}为自然人，作为义务人有 ${asObligor.length} 件未结案件：不适用企业破产，可告知本院“${p.label_zh}”；检索情况随立案材料一并移交执行部门`,
        message_en: `The respondent ${r.name} is a natural person and the obligor in ${asObligor.length} unfinished cases: not for bankruptcy; point to the court's ${p.label_en}; the search goes with the filing to the enforcement department`,
        source: p.source,
      });
    }
  });
  const creditor = numbers(cases.filter((c) => c.role === 'creditor'));
  if (creditor.length > 0) {
    out.push({
      kind: 'tell-enforcement',
      message_zh: `被执行人在本院有作为申请执行人（权利人）的案件：${creditor.join('、')}，请将检索情况告知执行部门`,
      message_en: `The respondent is the applying creditor in ${creditor.length} case(s) of this court (${creditor.join(', ')}); tell the enforcement department`,
      source: ART_9,
    });
  }
  const applicant = numbers(cases.filter((c) => c.role === 'applicant'));
  if (applicant.length > 0) {
    out.push({
      kind: 'tell-enforcement',
      message_zh: `申请执行人在本院有作为被执行人的案件：${applicant.join('、')}，请将检索情况告知执行部门`,
      message_en: `The applicant is the respondent in ${applicant.length} case(s) of this court (${applicant.join(', ')}); tell the enforcement department`,
      source: ART_9,
    });
  }
  return out;
}

export function relatedSummary(cases: readonly RelatedCase[]): { message_zh: string; message_en: string } {
  const n = numbers(cases).length;
  return n === 0
    ? { message_zh: '未检索到关联案件', message_en: 'No related cases found' }
    : { message_zh: `检索到 ${n} 件关联案件`, message_en: `${n} related case(s) found` };
}
