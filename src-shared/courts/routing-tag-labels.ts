/**
 * Routing tags as a clerk reads them (涉金融, 资金可覆盖 …), and the sources a clerk may give
 * for a tag: a triage fact nobody can check later is worth little, so each recorded tag says
 * where the clerk learned it (seed 003 ch.3 一(二)7: the query results are the basis of triage).
 */
import type { RoutingTag } from './routing-types.js';

export const ROUTING_TAG_LABELS: Readonly<Record<RoutingTag, { zh: string; en: string }>> = {
  'party-organ': { zh: '涉党政机关', en: 'a party or government organ is involved' },
  'fee-recovery': { zh: '追缴诉讼费', en: 'recovery of litigation fees' },
  entrusted: { zh: '受托案件', en: 'entrusted by another court' },
  'funds-cover': { zh: '资金可覆盖执行标的', en: 'funds found cover the claim' },
  'simple-other': { zh: '其他简单易执、易结', en: 'other simple case' },
  complex: { zh: '复杂疑难敏感', en: 'complex or sensitive' },
  'historical-issues': { zh: '历史遗留问题多', en: 'many historical issues' },
  'assistance-notice-suffices': { zh: '协助执行通知即可办结', en: 'an assistance notice suffices' },
  'movable-transfer': { zh: '动产过户', en: 'transfer of a movable' },
  'missing-no-assets': { zh: '下落不明且无财产', en: 'respondent missing, no assets' },
  'voluntary-or-settlement': { zh: '可能自动履行或和解', en: 'likely to pay or settle' },
  'likely-inadmissible': { zh: '可能不予受理或驳回', en: 'likely inadmissible' },
  'repeat-after-termination': { zh: '终本后六个月内再申请', en: 'filed again within six months of closing for now (终本)' },
  'asset-disposal': { zh: '需处分财产', en: 'property must be disposed of' },
  'title-transfer': { zh: '需办理过户', en: 'title transfer needed' },
  'return-property': { zh: '需返还财物', en: 'property must be returned' },
  'unclear-criminal-property': { zh: '刑事涉财部分不明确', en: 'unclear criminal property part' },
  'relational-dispute': { zh: '家事、劳资、相邻纠纷', en: 'family, labour or neighbour dispute' },
  'termination-candidate': { zh: '可能需终结本次执行', en: 'likely to be closed for now (终本)' },
  finance: { zh: '涉金融', en: 'finance-related' },
  'foreign-related': { zh: '涉外', en: 'foreign-related' },
  'objection-raised': { zh: '当事人、案外人提出执行异议', en: 'a party or third party objects' },
  'auction-needed': { zh: '需要拍卖处置财产', en: 'property must be auctioned' },
  'reversal-after-supervision': { zh: '执行监督纠正后需执行回转', en: 'reversal needed after supervision' },
  'higher-oversight': { zh: '上级机关交办、督办或人大政协关注', en: 'assigned or overseen by higher organs' },
};

/** Where the clerk learned a tag. */
export const TAG_SOURCES = ['applicant-statement', 'property-query', 'basis-document', 'counter-check', 'other'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

export const TAG_SOURCE_LABELS: Readonly<Record<TagSource, { zh: string; en: string }>> = {
  'applicant-statement': { zh: '申请人陈述', en: 'the applicant said so' },
  'property-query': { zh: '财产查询结果', en: 'property query results' },
  'basis-document': { zh: '判决书等执行依据', en: 'the basis document' },
  'counter-check': { zh: '窗口核实', en: 'checked at the counter' },
  other: { zh: '其他（见说明）', en: 'other (see the note)' },
};
