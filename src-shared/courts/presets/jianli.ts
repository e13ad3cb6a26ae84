import type { CourtProfile } from '../court-profile.js';
import { BASIC_COURT_TYPES } from '../type-table.js';

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
  },
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
