import type { CourtProfile } from '../court-profile.js';
import { BASIC_COURT_TYPES, PRE_ENFORCEMENT_TYPE } from '../type-table.js';

/** 焦作市山阳区人民法院: seed 001, 立审执一体化 with the local 执前督 practice (art. 25). */
export const SHANYANG: CourtProfile = {
  id: 'jiaozuo-shanyang',
  code: '豫0811',
  name: '焦作市山阳区人民法院',
  level: 'basic',
  codeConfirmed: true,
  seed: '001',
  types: [...BASIC_COURT_TYPES, PRE_ENFORCEMENT_TYPE],
  // Art. 9 says 「大量」 unfinished cases without a number: 3 is this system's starting mark, for the court to confirm.
  relatedSearch: {
    bankruptcyAt: 3,
    source: 'seed 001 art. 9（“大量”的件数由本院确定）',
    personalInsolvencyPilot: { label_zh: '与个人破产制度功能相当的试点', label_en: 'pilot equivalent to personal insolvency', source: 'seed 001 art. 29' },
  },
  // Seed 001 sets no period for reception, notices or triage; the related-case search is made at filing (立案时).
  counterNodes: { query: { amount: 0, unit: 'immediate', source: 'seed 001 art. 9' } },
  deadlines: [
    { id: 'pre-enforcement-handover', label_zh: '执前督案件转交执行部门', label_en: 'hand the pre-enforcement supervision (执前督) case to enforcement', from: 'filed', amount: 3, unit: 'working-days', typeCodes: ['执前督'], source: 'seed 001 art. 25' },
    { id: 'pre-enforcement-limit', label_zh: '执前督促履行期限', label_en: 'supervised performance period', from: 'handover-received', amount: 30, unit: 'days', typeCodes: ['执前督'], source: 'seed 001 art. 25' },
    { id: 'pre-enforcement-hand-back', label_zh: '督促未果，通知立案部门办理首次执行立案', label_en: 'supervision failed: tell the filing department to file a first enforcement case', from: 'supervision-ended', amount: 3, unit: 'working-days', typeCodes: ['执前督'], source: 'seed 001 art. 25' },
    { id: 'pre-objection-mediation', label_zh: '执行异议立案前化解期限', label_en: 'pre-objection mediation period', from: 'objection-received', amount: 15, unit: 'days', typeCodes: ['执异'], source: 'seed 001 art. 30' },
  ],
  notices: [
    {
      id: 'risk-notice',
      severity: 'info',
      message_zh: '请向申请执行人发放《执行风险提示书》：告知提供财产线索的义务及无财产可供执行导致执行不能的风险',
      message_en: 'Hand the applicant the enforcement risk notice: duty to give property clues, risk of no property',
      source: 'seed 001 art. 5, 12',
    },
    {
      id: 'report-changes',
      severity: 'info',
      message_zh: '告知当事人：地址、联系方式、收款账户等信息变化时应及时告知法院，否则承担相应后果',
      message_en: 'Tell the party to report changes of address, contact or account, and the consequences if not',
      source: 'seed 001 art. 6',
    },
    {
      id: 'related-case-search',
      severity: 'info',
      message_zh: '请对被执行人进行关联案件检索；被执行人有大量未结案件的，可引导申请破产',
      message_en: 'Run the related-case search on the respondent; many open cases may point to bankruptcy',
      source: 'seed 001 art. 9',
    },
  ],
};
