import type { CourtProfile } from '../court-profile.js';
import { HIGHER_COURT_TYPES } from '../type-table.js';

/** 大庆市中级人民法院: seed 000, the 执行一证通 filing rules for the city's courts. */
export const DAQING: CourtProfile = {
  id: 'daqing-zy',
  code: '黑06',
  name: '大庆市中级人民法院',
  level: 'intermediate',
  codeConfirmed: true,
  seed: '000',
  types: HIGHER_COURT_TYPES,
  teams: [{ id: 'filing-clerk', name_zh: '立案人员包案', name_en: 'filing clerk handles the case throughout', caseLimit: { amount: 6, unit: 'months', source: 'SPC 执行工作若干问题的规定(试行): 6 months' } }],
  routing: {
    mode: 'triage',
    rules: [],
    fallback: { team: 'filing-clerk', label_zh: '未设分流部门前，立案人员包案', label_en: 'until triage is set up, the filing clerk keeps the case', source: 'seed 000 art. 6' },
  },
  notices: [
    {
      id: 'kiosk-consent',
      severity: 'info',
      message_zh: '通过“执行一证通”立案须经申请执行人同意',
      message_en: 'Filing through the kiosk needs the applicant’s consent',
      source: 'seed 000 art. 5',
    },
  ],
};
