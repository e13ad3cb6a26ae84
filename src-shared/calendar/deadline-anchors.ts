/**
 * The events a time node counts from. A node whose anchor has not happened yet is still
 * shown (as pending, "counts from …"), so clerks see what a counter event will start; the
 * labels are what `yzt rules check` and the counter print beside each node.
 */
export const DEADLINE_ANCHORS = [
  'filed',
  'query-result',
  'funds-received',
  'payout-approved',
  'clue-received',
  'handover-received',
  'objection-received',
  'conversion-approved',
  'supervision-ended',
  'reward-application-received',
  'reward-decided',
  'lifting-required',
  'deduction-possible',
  'summons-expired',
  'closing-conditions-met',
  'case-closed',
  'returned-to-office',
] as const;
export type DeadlineAnchor = (typeof DEADLINE_ANCHORS)[number];

export const ANCHOR_LABEL: Record<DeadlineAnchor, { zh: string; en: string }> = {
  filed: { zh: '立案', en: 'filing' },
  'query-result': { zh: '网络查询结果反馈', en: 'online query results returned' },
  'funds-received': { zh: '案款到账', en: 'case money received' },
  'payout-approved': { zh: '发放审批表收到', en: 'payout approval received' },
  'clue-received': { zh: '收到申请人提供的财产线索', en: 'property clue received from the applicant' },
  'handover-received': { zh: '执行部门收到转交的申请执行材料', en: 'enforcement received the handed-over materials' },
  'objection-received': { zh: '执行部门收到执行异议材料', en: 'enforcement received the objection materials' },
  'conversion-approved': { zh: '程序转换经局长审批', en: 'conversion approved by the bureau chief' },
  'supervision-ended': { zh: '执前督促履行结束（期满未履行或当事人不同意继续）', en: 'supervised performance ended (period over unperformed, or the party withdrew consent)' },
  'reward-application-received': { zh: '收到悬赏书面申请', en: 'written reward application received' },
  'reward-decided': { zh: '决定悬赏', en: 'reward decided' },
  'lifting-required': { zh: '依法应当解除控制措施', en: 'a control measure must be lifted' },
  'deduction-possible': { zh: '货币型财产符合扣划条件', en: 'money assets may be deducted' },
  'summons-expired': { zh: '传唤期限届满被执行人未到案', en: 'summons period over without appearance' },
  'closing-conditions-met': { zh: '案件符合结案条件', en: 'the case meets the closing conditions' },
  'case-closed': { zh: '前案结案', en: 'the earlier case was closed' },
  'returned-to-office': { zh: '外出办案返回单位', en: 'back at the office from field work' },
};
