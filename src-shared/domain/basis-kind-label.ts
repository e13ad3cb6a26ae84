/**
 * The name of a basis document (执行依据) as the court writes it: a 调解书 is a 民事调解书, never
 * a 民事判决; a judgment or ruling takes its branch from the basis number's type code
 * (民初 → 民事, 刑初 → 刑事, 行初 → 行政), as the notices and the verification screen name it.
 */
import type { BasisKind } from '../courts/routing-types.js';
import { parseCaseNumber } from '../casenum/case-number.js';
import { trialBranch, type TrialBranch } from '../casenum/type-codes.js';

const BRANCH_ZH: Partial<Record<TrialBranch, string>> = { civil: '民事', commercial: '民事', criminal: '刑事', administrative: '行政', preservation: '民事', enforcement: '执行' };
const BRANCH_EN: Partial<Record<TrialBranch, string>> = { civil: 'civil', commercial: 'civil', criminal: 'criminal', administrative: 'administrative', preservation: 'civil', enforcement: 'enforcement' };

const LABELS: Readonly<Record<BasisKind, { zh: string; en: string; branched?: boolean }>> = {
  judgment: { zh: '判决书', en: 'judgment', branched: true },
  ruling: { zh: '裁定书', en: 'ruling', branched: true },
  mediation: { zh: '调解书', en: 'mediation statement', branched: true },
  'payment-order': { zh: '支付令', en: 'payment order' },
  'arbitration-award': { zh: '仲裁裁决书', en: 'arbitral award' },
  'labour-arbitration-award': { zh: '劳动人事争议仲裁裁决书', en: 'labour arbitration award' },
  'notarised-debt': { zh: '公证债权文书', en: 'notarised debt instrument' },
  'preservation-ruling': { zh: '保全裁定书', en: 'preservation ruling', branched: true },
  'administrative-decision': { zh: '行政处理决定', en: 'administrative decision' },
  other: { zh: '其他生效法律文书', en: 'other effective legal document' },
};

/** The basis document's name; without a readable number a judgment or ruling is taken as civil, as most are (a 调解书 is always civil). */
export function basisKindLabel(kind: string | undefined, basisNumber?: string): { zh: string; en: string } {
  const l = LABELS[kind as BasisKind];
  if (!l) return LABELS.other;
  if (!l.branched) return { zh: l.zh, en: l.en };
  const parsed = basisNumber ? parseCaseNumber(basisNumber) : undefined;
  const branch = parsed?.ok ? trialBranch(parsed.value.typeCode) : undefined;
  // Mediation exists only in civil matters (incl. the civil part of a criminal case): always 民事调解书.
  const b = kind === 'mediation' ? 'civil' : (branch ?? 'civil');
  return { zh: `${BRANCH_ZH[b] ?? '民事'}${l.zh}`, en: `${BRANCH_EN[b] ?? 'civil'} ${l.en}` };
}
