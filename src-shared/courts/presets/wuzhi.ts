import type { CourtProfile } from '../court-profile.js';
import { BASIC_COURT_TYPES } from '../type-table.js';

const SIMPLE_LIMIT = { amount: 30, unit: 'days', source: 'seed 003 ch.3 §7.12' } as const;
const OTHER_LIMIT = { amount: 3, unit: 'months', source: 'seed 003 ch.3 §7.12' } as const;

/** 武陟县人民法院: seed 003, five case teams with amount lines at 30,000 and 1,000,000 yuan. */
export const WUZHI: CourtProfile = {
  id: 'wuzhi',
  code: '豫0823',
  name: '武陟县人民法院',
  level: 'basic',
  codeConfirmed: true,
  seed: '003',
  types: BASIC_COURT_TYPES,
  thresholds: { ordinary: 3_000_000, large: 100_000_000 },
  teams: [
    { id: 'fast', name_zh: '速执团队', name_en: 'fast-track team', caseLimit: SIMPLE_LIMIT },
    { id: 'ordinary', name_zh: '普执团队', name_en: 'ordinary team', caseLimit: OTHER_LIMIT },
    { id: 'large', name_zh: '大额案件执行团队', name_en: 'large-case team', caseLimit: OTHER_LIMIT },
    { id: 'emergency', name_zh: '应急团队', name_en: 'emergency team', caseLimit: OTHER_LIMIT },
    { id: 'finance', name_zh: '金融案件执行团队', name_en: 'finance team', caseLimit: OTHER_LIMIT },
  ],
  routing: {
    mode: 'triage',
    rules: [
      { id: 'wz-finance', team: 'finance', when: { tag: 'finance' }, label_zh: '涉金融案件', label_en: 'finance-related case', source: 'seed 003 ch.3 §6' },
      {
        id: 'wz-fast',
        team: 'fast',
        when: {
          any: [
            { tag: 'funds-cover' },
            { tag: 'assistance-notice-suffices' },
            { tag: 'movable-transfer' },
            { tag: 'missing-no-assets' },
            { tag: 'voluntary-or-settlement' },
            { tag: 'likely-inadmissible' },
            { tag: 'repeat-after-termination' },
            { tag: 'simple-other' },
          ],
        },
        label_zh: '简单易执案件（资金可足额清偿、协助执行即可办结、动产过户、下落不明无财产、可能自动履行或和解、可能不予受理、终本后六个月内再立案等）',
        label_en: 'simple case (funds cover, assistance notice suffices, movable transfer, missing without assets, likely settlement, likely inadmissible, repeat within 6 months of closing for now [终本])',
        source: 'seed 003 ch.3 §2',
      },
      { id: 'wz-large', team: 'large', when: { any: [{ amountAtLeast: 'large' }, { tag: 'historical-issues' }, { tag: 'complex' }] }, label_zh: '标的100万元以上、历史遗留问题多或复杂疑难敏感', label_en: '1,000,000 yuan or more, historical or complex', source: 'seed 003 ch.3 §4' },
      {
        id: 'wz-ordinary',
        team: 'ordinary',
        when: {
          any: [
            { amountAtLeast: 'ordinary' },
            { tag: 'asset-disposal' },
            { tag: 'title-transfer' },
            { tag: 'return-property' },
            { tag: 'unclear-criminal-property' },
            { tag: 'party-organ' },
            { tag: 'relational-dispute' },
            { tag: 'termination-candidate' },
          ],
        },
        label_zh: '标的3万元以上，或需处分财产、过户、返还、刑事涉财不明、涉党政机关、家事劳资相邻纠纷、需终本',
        label_en: '30,000 yuan or more, or disposal, transfer, return, unclear criminal property, organ, relational dispute, candidate for closing for now (终本)',
        source: 'seed 003 ch.3 §3',
      },
      { id: 'wz-emergency', team: 'emergency', when: { amountBelow: 'ordinary' }, label_zh: '标的额小于3万元且未分流到简易团队', label_en: 'under 30,000 yuan and not simple', source: 'seed 003 ch.3 §5' },
    ],
    fallback: { team: 'ordinary', label_zh: '无金额的行为执行等其他案件', label_en: 'other cases, e.g. non-money enforcement', source: 'seed 003 ch.3 §3' },
  },
  // Reception at once (立即移送…立即完成), notices within 2 days, the online query within 24 hours of filing;
  // seed 003 sets no period for triage.
  counterNodes: { reception: { amount: 0, unit: 'immediate', source: 'seed 003 ch.3 §1(一)1' }, notices: { node: 'notices' }, query: { node: 'online-query' } },
  deadlines: [
    { id: 'online-query', label_zh: '发起网络执行查询', label_en: 'start the online property query', from: 'filed', amount: 24, unit: 'hours', source: 'seed 003 ch.3 §1(二)' },
    { id: 'online-freeze', label_zh: '查询结果反馈后冻结', label_en: 'freeze after query results', from: 'query-result', amount: 24, unit: 'hours', source: 'seed 003 ch.3 §1(二)1' },
    { id: 'vehicle-seal', label_zh: '车辆查封', label_en: 'seal vehicles', from: 'query-result', amount: 2, unit: 'days', source: 'seed 003 ch.3 §1(二)2' },
    { id: 'related-cases', label_zh: '关联案件查询', label_en: 'related-case search', from: 'filed', amount: 2, unit: 'days', source: 'seed 003 ch.3 §1(二)4' },
    { id: 'notices', label_zh: '制作送达执行通知书、报告财产令、传票', label_en: 'serve enforcement notice, property report order, summons', from: 'filed', amount: 2, unit: 'days', source: 'seed 003 ch.3 §1(三)2' },
    { id: 'funds-confirm', label_zh: '案款到账确认', label_en: 'confirm money received', from: 'funds-received', amount: 3, unit: 'days', source: 'seed 003 ch.3 §1(五)1' },
    { id: 'funds-payout', label_zh: '执行款发放', label_en: 'pay out money', from: 'funds-received', amount: 10, unit: 'days', source: 'seed 003 ch.3 §1(五)1' },
    { id: 'funds-payout-max', label_zh: '执行款发放（经院长批准的最长期限）', label_en: 'pay out money, longest with the president’s approval', from: 'funds-received', amount: 30, unit: 'days', source: 'seed 003 ch.3 §1(五)1' },
    { id: 'payout-transfer', label_zh: '审批后完成转账', label_en: 'transfer after approval', from: 'payout-approved', amount: 3, unit: 'days', source: 'seed 003 ch.3 §1(五)1' },
    { id: 'clue-check', label_zh: '核实申请人提供的财产线索', label_en: 'check a property clue from the applicant', from: 'clue-received', amount: 5, unit: 'days', source: 'seed 003 ch.3 §7.2' },
    { id: 'clue-check-urgent', label_zh: '紧急财产线索核实', label_en: 'check an urgent property clue', from: 'clue-received', amount: 48, unit: 'hours', source: 'seed 003 ch.3 §7.2' },
    { id: 'compelled-appearance', label_zh: '拘传或提请公安机关协助查找', label_en: 'compel appearance or ask the police to find the respondent', from: 'summons-expired', amount: 15, unit: 'days', source: 'seed 003 ch.3 §7.5' },
    { id: 'reward-decision', label_zh: '决定是否准许悬赏', label_en: 'decide on the reward application', from: 'reward-application-received', amount: 10, unit: 'days', source: 'seed 003 ch.3 §7.7' },
    { id: 'reward-start', label_zh: '启动公告悬赏程序', label_en: 'publish the reward notice', from: 'reward-decided', amount: 5, unit: 'days', source: 'seed 003 ch.3 §7.7' },
    { id: 'lifting', label_zh: '解除财产控制措施', label_en: 'lift the control measure', from: 'lifting-required', amount: 3, unit: 'days', source: 'seed 003 ch.3 §7.8' },
    { id: 'deduction', label_zh: '扣划货币型财产', label_en: 'deduct money assets', from: 'deduction-possible', amount: 10, unit: 'days', source: 'seed 003 ch.3 §7.9' },
    { id: 'closing', label_zh: '办理结案手续', label_en: 'complete the closing formalities', from: 'closing-conditions-met', amount: 1, unit: 'days', source: 'seed 003 ch.3 §7.11' },
    // A report due one month *before* six months must not slide later past a holiday.
    { id: 'six-month-report', label_zh: '不能在6个月内结案的，提前1个月报告并提请合议庭研究', label_en: 'report a case that cannot close within 6 months, one month ahead', from: 'filed', amount: 5, unit: 'months', rollover: false, source: 'seed 003 ch.3 §7.13' },
    { id: 'paper-to-file-centre', label_zh: '纸质材料移送卷宗管理中心', label_en: 'paper to the file centre', from: 'returned-to-office', amount: 2, unit: 'working-days', source: 'seed 003 ch.3 §1(七)2' },
    { id: 'repeat-fast-window', label_zh: '终本结案后再立案归速执团队的期间', label_en: 'window in which a new case against the respondent goes to the fast-track team', from: 'case-closed', amount: 6, unit: 'months', rollover: false, source: 'seed 003 ch.3 §2(7)' },
  ],
  notices: [
    {
      id: 'first-reception',
      severity: 'info',
      message_zh: '立案后立即移送执行初次接待窗口，登记接待时间、谈话人、被谈话人；未接待的须逐案说明原因',
      message_en: 'Send to first reception at once and register time, interviewer and interviewee; record why if none',
      source: 'seed 003 ch.3 §1(一)1-2',
    },
  ],
};
