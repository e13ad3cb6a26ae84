/**
 * Grounds for resumed enforcement and review-class filings, as data. The ground an applicant
 * picks decides whether the filing may be made under the kind's type code at all.
 */
import type { ApplicationKind } from '../courts/type-table.js';

export interface Ground {
  id: string;
  label_zh: string;
  label_en: string;
  source: string;
}

export const GROUNDS: Readonly<Partial<Record<ApplicationKind, readonly Ground[]>>> = {
  resumed: [
    { id: 'settlement-fraud-duress', label_zh: '受欺诈、胁迫达成和解协议', label_en: 'settlement obtained by fraud or duress', source: 'seed 000 art. 13(1)' },
    { id: 'settlement-not-performed', label_zh: '不履行或不完全履行执行和解协议', label_en: 'settlement agreement not (fully) performed', source: 'seed 000 art. 13(2)' },
    { id: 'terminated-property-found', label_zh: '终结本次执行程序后发现可供执行财产', label_en: 'property found after the case was closed for now (终本)', source: 'seed 000 art. 13(3)' },
    { id: 'entrustment-returned', label_zh: '委托不当被受托法院退回', label_en: 'entrusted case returned for improper entrustment', source: 'seed 000 art. 13(4)' },
    { id: 'cpl-257-conditions-met', label_zh: '依民事诉讼法第二百五十七条终结执行后申请执行条件具备', label_en: 'CPL art. 257 termination, conditions met again', source: 'seed 000 art. 13(5)' },
  ],
  objection: [
    { id: 'act-unlawful', label_zh: '认为执行行为违反法律规定', label_en: 'an enforcement act breaks the law', source: 'seed 000 art. 16(1)' },
    { id: 'third-party-claim', label_zh: '案外人对执行标的提出异议', label_en: 'a third party claims the subject', source: 'seed 000 art. 16(2)' },
    { id: 'jurisdiction', label_zh: '对管辖权提出异议', label_en: 'jurisdiction objection', source: 'seed 000 art. 16(3)' },
    { id: 'add-change-respondent', label_zh: '申请追加、变更被执行人', label_en: 'add or change a respondent', source: 'seed 000 art. 16(4)' },
    { id: 'substantive-bar', label_zh: '以债权消灭、超过申请执行期间等实体事由阻止执行', label_en: 'debt extinguished, period expired or other bar', source: 'seed 000 art. 16(5)' },
    { id: 'non-enforcement-award-or-notarial', label_zh: '申请不予执行仲裁裁决或公证债权文书', label_en: 'non-enforcement of an award or notarised instrument', source: 'seed 000 art. 16(6)' },
    { id: 'other-objection', label_zh: '其他依法可以申请执行异议的', label_en: 'other lawful objection', source: 'seed 000 art. 16(7)' },
  ],
  reconsideration: [
    { id: 'ruling-on-act-jurisdiction-bar', label_zh: '不服执行行为、管辖权或实体事由异议裁定', label_en: 'ruling on act, jurisdiction or bar objection', source: 'seed 000 art. 17(1)' },
    { id: 'ruling-on-add-change', label_zh: '不服追加、变更被执行人裁定', label_en: 'ruling on adding or changing a respondent', source: 'seed 000 art. 17(2)' },
    { id: 'ruling-on-non-enforcement', label_zh: '不服不予执行仲裁裁决或公证债权文书（或驳回申请）的裁定', label_en: 'ruling on non-enforcement of an award or notarised instrument', source: 'seed 000 art. 17(3)' },
    { id: 'other-reconsideration', label_zh: '其他依法可以申请复议的', label_en: 'other lawful reconsideration', source: 'seed 000 art. 17(4)' },
  ],
  supervision: [{ id: 'higher-court-supervision', label_zh: '上级法院对下级法院依法监督', label_en: 'higher court supervises a lower court', source: 'seed 000 art. 18' }],
  request: [
    { id: 'hmt-arbitration-non-enforcement', label_zh: '涉港澳仲裁裁决拟不予执行报请审查', label_en: 'HK/Macao arbitration award proposed for non-enforcement', source: 'seed 000 art. 19(1)' },
    { id: 'lower-court-request', label_zh: '下级法院依法向上级法院请示', label_en: 'lower court asks a higher court', source: 'seed 000 art. 19(2)' },
  ],
  coordination: [
    { id: 'inter-court-dispute', label_zh: '法院之间或与破产、强制清算、审判程序对执行标的争议', label_en: 'dispute between courts or procedures over the subject', source: 'seed 000 art. 20(1)' },
    { id: 'police-procuratorate-dispute', label_zh: '跨高院辖区法院与公安、检察机关执行争议', label_en: 'cross-region dispute with police or procuratorate', source: 'seed 000 art. 20(2)' },
    { id: 'hmt-award-set-aside-conflict', label_zh: '涉港澳仲裁裁决撤销与执行分别申请的冲突', label_en: 'HK/Macao award: set-aside and enforcement in different courts', source: 'seed 000 art. 20(3)' },
    { id: 'hmt-award-set-aside-after-enforcement', label_zh: '涉港澳仲裁裁决已裁定执行后申请撤销', label_en: 'HK/Macao award: set-aside after enforcement ruling', source: 'seed 000 art. 20(4)' },
    { id: 'cross-province-dispute', label_zh: '跨省级行政区执行争议报请最高法院协调', label_en: 'cross-province dispute to the Supreme People’s Court', source: 'seed 000 art. 20(5)' },
    { id: 'other-coordination', label_zh: '其他依法报请协调的', label_en: 'other lawful coordination', source: 'seed 000 art. 20(6)' },
  ],
};

export const ALL_GROUND_IDS: readonly string[] = Object.values(GROUNDS).flatMap((g) => (g ?? []).map((x) => x.id));

/**
 * Rulings adding a respondent for these causes are challenged by lawsuit, not by
 * reconsideration (seed 000 art. 17(2)).
 */
export const ADD_CHANGE_CAUSES_EXCLUDED_FROM_RECONSIDERATION = ['spouse-joint-debt', 'capital-contribution', 'share-transfer', 'one-person-company'] as const;
export const ADD_CHANGE_CAUSES = [...ADD_CHANGE_CAUSES_EXCLUDED_FROM_RECONSIDERATION, 'other'] as const;
