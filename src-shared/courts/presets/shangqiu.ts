import type { CourtProfile } from '../court-profile.js';
import { HIGHER_COURT_TYPES } from '../type-table.js';

/** 速执团队负责人报经局长审批 (seed 002 art. 17). */
const CHIEF_APPROVAL = {
  steps: [
    { role: 'team-leader', label_zh: '速执团队负责人报请', label_en: 'the fast-track team leader asks' },
    { role: 'bureau-chief', label_zh: '局长审批', label_en: 'the bureau chief approves' },
  ],
  source: 'seed 002 art. 17',
} as const;

const WITHIN_5_WD = { from: 'filed', amount: 5, unit: 'working-days', source: 'seed 002 art. 7' } as const;

/** 商丘市中级人民法院: seed 002, 一中心四团队 with simple/ordinary triage (art. 11). */
export const SHANGQIU: CourtProfile = {
  id: 'shangqiu-zy',
  code: '豫14',
  name: '商丘市中级人民法院',
  level: 'intermediate',
  codeConfirmed: true,
  seed: '002',
  types: HIGHER_COURT_TYPES,
  thresholds: { 'ordinary-arbitration': 30_000_000 },
  teams: [
    { id: 'simple', name_zh: '速执团队', name_en: 'fast-track team', caseLimit: { amount: 30, unit: 'days', source: 'seed 002 art. 16' } },
    { id: 'ordinary', name_zh: '普执团队', name_en: 'ordinary team', caseLimit: { amount: 6, unit: 'months', source: 'seed 002 art. 16' } },
  ],
  routing: {
    mode: 'triage',
    rules: [
      { id: 'sq-ord-3', team: 'ordinary', when: { all: [{ basisKind: ['arbitration-award'] }, { amountAtLeast: 'ordinary-arbitration' }] }, label_zh: '执行标的30万元以上的商事仲裁或涉外仲裁案件', label_en: 'commercial or foreign arbitration of 300,000 yuan or more', source: 'seed 002 art. 11(二)3' },
      { id: 'sq-ord-1', team: 'ordinary', when: { tag: 'party-organ' }, label_zh: '涉党政机关案件', label_en: 'a party or government organ is involved', source: 'seed 002 art. 11(二)1' },
      { id: 'sq-ord-4', team: 'ordinary', when: { any: [{ tag: 'complex' }, { tag: 'historical-issues' }] }, label_zh: '标的较大、历史遗留问题多、复杂疑难敏感', label_en: 'large, historical, complex or sensitive', source: 'seed 002 art. 11(二)4' },
      { id: 'sq-simple-1', team: 'simple', when: { basisKind: ['arbitration-award', 'labour-arbitration-award'] }, label_zh: '仲裁案件', label_en: 'arbitration case', source: 'seed 002 art. 11(一)1' },
      { id: 'sq-simple-2', team: 'simple', when: { tag: 'fee-recovery' }, label_zh: '追缴诉讼费案件', label_en: 'recovery of litigation fees', source: 'seed 002 art. 11(一)2' },
      { id: 'sq-simple-3', team: 'simple', when: { tag: 'entrusted' }, label_zh: '受托案件', label_en: 'entrusted case', source: 'seed 002 art. 11(一)3' },
      { id: 'sq-simple-4', team: 'simple', when: { any: [{ application: ['preservation'] }, { basisKind: ['preservation-ruling'] }] }, label_zh: '保全案件', label_en: 'preservation case', source: 'seed 002 art. 11(一)4' },
      { id: 'sq-simple-5', team: 'simple', when: { tag: 'funds-cover' }, label_zh: '网络查控冻结金额可覆盖申请执行标的', label_en: 'frozen online funds cover the claim', source: 'seed 002 art. 11(一)5' },
      { id: 'sq-simple-6', team: 'simple', when: { tag: 'simple-other' }, label_zh: '其他简单易执、易结案件', label_en: 'other simple case', source: 'seed 002 art. 11(一)6' },
      { id: 'sq-ord-2', team: 'ordinary', when: { branch: ['civil', 'commercial', 'criminal', 'administrative'] }, label_zh: '民事判决执行案件，刑事、行政涉财产部分执行案件', label_en: 'civil judgment, or property part of a criminal/administrative judgment', source: 'seed 002 art. 11(二)2' },
    ],
    fallback: { team: 'ordinary', label_zh: '其他不宜识别为简易案件的', label_en: 'anything not clearly simple', source: 'seed 002 art. 11(二)5' },
    conversions: [
      { id: 'sq-conv-1', from: 'simple', to: 'ordinary', when: { tag: 'objection-raised' }, handoverDays: 3, approval: CHIEF_APPROVAL, label_zh: '当事人、案外人提出执行异议', label_en: 'a party or third party objects', source: 'seed 002 art. 17(一)' },
      { id: 'sq-conv-2', from: 'simple', to: 'ordinary', when: { tag: 'auction-needed' }, handoverDays: 3, approval: CHIEF_APPROVAL, label_zh: '需要进行拍卖处置财产', label_en: 'property must be auctioned', source: 'seed 002 art. 17(二)' },
      { id: 'sq-conv-3', from: 'simple', to: 'ordinary', when: { tag: 'reversal-after-supervision' }, handoverDays: 3, approval: CHIEF_APPROVAL, label_zh: '经执行监督程序纠正后需要执行回转', label_en: 'reversal needed after supervision', source: 'seed 002 art. 17(三)' },
      { id: 'sq-conv-4', from: 'simple', to: 'ordinary', when: { tag: 'higher-oversight' }, handoverDays: 3, approval: CHIEF_APPROVAL, label_zh: '被上级机关交办、督办或人大政协关注', label_en: 'assigned or overseen by higher organs', source: 'seed 002 art. 17(四)' },
    ],
  },
  // Seed 002 art. 7: items (一)-(五) within five working days of filing.
  counterNodes: { reception: { node: 'verify-filing' }, notices: { node: 'notices' }, query: { node: 'online-query' }, triage: { node: 'triage' } },
  deadlines: [
    { id: 'verify-filing', label_zh: '核对立案信息', label_en: 'verify filing data', ...WITHIN_5_WD, source: 'seed 002 art. 7(一)' },
    { id: 'online-reception', label_zh: '网上立案初次接待', label_en: 'first reception of online filings', ...WITHIN_5_WD, source: 'seed 002 art. 7(二)' },
    { id: 'notices', label_zh: '制作送达执行通知书、报告财产令', label_en: 'serve enforcement notice and property report order', ...WITHIN_5_WD, source: 'seed 002 art. 7(三)' },
    { id: 'online-query', label_zh: '分析总对总查控结果并网上冻结', label_en: 'analyse online query, freeze online', ...WITHIN_5_WD, source: 'seed 002 art. 7(四)' },
    { id: 'triage', label_zh: '繁简分流', label_en: 'triage', ...WITHIN_5_WD, source: 'seed 002 art. 7(五)' },
    { id: 'coordinated-seizure', label_zh: '统一线下查封', label_en: 'coordinated offline seizure', from: 'filed', amount: 10, unit: 'working-days', source: 'seed 002 art. 7(六)' },
    { id: 'conversion-handover', label_zh: '简转繁移交普执团队', label_en: 'hand a converted case to the ordinary team', from: 'conversion-approved', amount: 3, unit: 'days', source: 'seed 002 art. 17' },
  ],
};
