import type { CourtProfile } from '../court-profile.js';
import { DAQING } from './daqing.js';
import { JIANLI } from './jianli.js';
import { SHANGQIU } from './shangqiu.js';
import { SHANYANG } from './shanyang.js';
import { WUZHI } from './wuzhi.js';

/** The five seed courts, in seed order. */
export const COURT_PRESETS: readonly CourtProfile[] = [DAQING, SHANYANG, SHANGQIU, WUZHI, JIANLI];
