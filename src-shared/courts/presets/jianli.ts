import type { CourtProfile } from '../court-profile.js';
import type { ApprovalGate, StageExit } from '../stage-flow.js';
import { BASIC_COURT_TYPES } from '../type-table.js';

const closed = (source: string): StageExit => ({ id: 'closed', to: 'closed', label_zh: '执行完毕或执行终结，报结案审查后结案', label_en: 'performed in full or ended: closed after the closing review', source });
const MONITORING_APPROVAL: ApprovalGate = {
  steps: [{ role: 'monitoring-group', label_zh: '指挥监控组流转审批', label_en: 'transfer approval by the monitoring group' }],
  source: 'seed 004 group 7 §1',
};

/**
 * 监利市人民法院: seed 004, front/back office with cases flowing through seven groups.
 * 监利 became a county-level city in 2020 (division code 421023 -> 421088). The court code
 * from the 2016 list is 鄂1023; whether it changed with the division code is unconfirmed.
 */
export const JIANLI: CourtProfile = {
  id: 'jianli',
  code: '鄂1023',
  codeAliases: ['鄂1088'],
  name: '监利市人民法院',
  level: 'basic',
  codeConfirmed: false,
  note: '法院代字未经公开来源确认：2016年代字表为鄂1023（监利县），2020年撤县设市后可能改为鄂1088',
  seed: '004',
  types: BASIC_COURT_TYPES,
  teams: [
    { id: 'online-query', name_zh: '线上查控组', name_en: 'online query group' },
    { id: 'offline-query', name_zh: '线下查控组', name_en: 'offline query group' },
    { id: 'clue-query', name_zh: '线索查控组', name_en: 'clue query group' },
    { id: 'disposal', name_zh: '财产处置组', name_en: 'disposal group' },
    { id: 'crackdown', name_zh: '拒执打击组', name_en: 'refusal crackdown group' },
    { id: 'termination', name_zh: '终本办理组', name_en: 'termination group' },
    { id: 'monitoring', name_zh: '指挥监控组', name_en: 'command and monitoring group' },
  ],
  routing: {
    mode: 'stages',
    rules: [
      { id: 'jl-preservation', team: 'offline-query', when: { application: ['preservation'] }, label_zh: '诉讼保全案件由线下查控组办理', label_en: 'preservation cases go to the offline query group', source: 'seed 004 group 2 §6' },
      { id: 'jl-objection', team: 'monitoring', when: { application: ['objection'] }, label_zh: '执行异议案件由指挥监控组办理', label_en: 'objections go to the monitoring group', source: 'seed 004 group 7 §7' },
    ],
    fallback: { team: 'online-query', label_zh: '已立案件全部分配给线上查控组组长，依次流转', label_en: 'every case starts with the online query group and flows on', source: 'seed 004 group 1 §3' },
    // 三线查控为起点、完毕终结为分点、财产处置为节点、打击拒执为支点、终本结案为终点 (seed 004 §二).
    flow: {
      start: 'online-query',
      stages: [
        {
          team: 'online-query',
          exits: [closed('seed 004 group 1 §4'), { id: 'handed-on', to: 'offline-query', label_zh: '填写《总对总查控实有情况表》后随卷移送线下查控组', label_en: 'to the offline query group with the online query sheet', source: 'seed 004 group 1 §3', otherwise: true }],
        },
        {
          team: 'offline-query',
          exits: [closed('seed 004 group 2 §4'), { id: 'handed-on', to: 'clue-query', label_zh: '填写《线下查控实有情况表》后随卷移送线索查控组', label_en: 'to the clue query group with the offline query sheet', source: 'seed 004 group 2 §3', otherwise: true }],
        },
        {
          team: 'clue-query',
          exits: [
            closed('seed 004 group 3 §10, §12'),
            { id: 'property-to-auction', to: 'disposal', label_zh: '需评估拍卖的财产送财产处置组', label_en: 'property to value and auction goes to the disposal group', source: 'seed 004 group 3 §4' },
            { id: 'unresolved', to: 'crackdown', label_zh: '其余案件移送拒执打击组', label_en: 'the rest go to the refusal crackdown group', source: 'seed 004 group 3 §9, §12', otherwise: true },
          ],
        },
        {
          team: 'disposal',
          exits: [
            { id: 'auction-failed', to: 'clue-query', label_zh: '评估拍卖流拍，退回线索查控组', label_en: 'the auction failed: back to the clue query group', source: 'seed 004 group 4 §2' },
            { id: 'unresolved', to: 'termination', label_zh: '处置后未能终结或执行完毕，移送终本办理组', label_en: 'not resolved by the disposal: to the termination group', source: 'seed 004 group 6 §1, §3(四)', otherwise: true },
          ],
        },
        {
          team: 'crackdown',
          exits: [
            closed('seed 004 group 5 §2'),
            { id: 'unresolved', to: 'termination', label_zh: '无证据证明构成拒执罪或自诉中未能结案，移送终本办理组', label_en: 'no evidence of the refusal crime, or not closed during it: to the termination group', source: 'seed 004 group 5 §1-2', otherwise: true },
          ],
        },
        {
          team: 'termination',
          end: true,
          exits: [{ id: 'terminated', to: 'closed', label_zh: '终本约谈后以终结本次执行程序方式结案', label_en: 'closed by terminating this round of enforcement (终本) after the interview', source: 'seed 004 group 6 §2-3', otherwise: true }],
        },
      ],
      supervisors: [{ team: 'monitoring', label_zh: '指挥监控组全程监控各阶段，不是流转阶段', label_en: 'the monitoring group oversees every stage and is not a stage', source: 'seed 004 §一, group 7 §1, §9-10' }],
      everyMove: MONITORING_APPROVAL,
    },
  },
  gates: [
    {
      id: 'resume-approval',
      when: { all: [{ application: ['resumed'] }, { ground: ['terminated-property-found'] }] },
      label_zh: '以终本方式结案的案件恢复执行',
      label_en: 'resuming a case closed for now (终本)',
      approval: {
        steps: [
          { role: 'group-leader', label_zh: '组长初审', label_en: 'first check by the group leader' },
          { role: 'bureau-chief', label_zh: '局长审核', label_en: 'approval by the bureau chief' },
        ],
        source: 'seed 004 group 1 §1',
      },
    },
  ],
  notices: [
    {
      id: 'review-class-precheck',
      when: { application: ['objection', 'reconsideration', 'supervision', 'request', 'coordination'] },
      severity: 'info',
      message_zh: '执行审查类案件由综合审判庭审查后方能立案',
      message_en: 'Review-class cases are filed only after the general trial division has reviewed them',
      source: 'seed 004 group 1 §1',
    },
    {
      id: 'resume-approval',
      when: { all: [{ application: ['resumed'] }, { ground: ['terminated-property-found'] }] },
      severity: 'warn',
      message_zh: '终本案件恢复执行须由组长初审、局长审核后方能立案',
      message_en: 'Resuming a case closed for now (终本) needs the group leader’s check and the bureau chief’s approval',
      source: 'seed 004 group 1 §1',
    },
    {
      id: 'sms-progress',
      severity: 'info',
      message_zh: '执行进展将通过短信告知申请执行人，请核对手机号码',
      message_en: 'Progress is sent to the applicant by SMS; check the mobile number',
      source: 'seed 004 group 7 §10',
    },
  ],
};
