/**
 * Chinese public holidays and adjusted working days (调休上班), from the State Council
 * General Office notices on each year's holiday arrangements. Data, not logic: a court
 * profile may add or remove days (local closures, a notice we got wrong), see
 * courts/court-profile.ts `calendar`.
 *
 * Ranges are inclusive `YYYY-MM-DD..YYYY-MM-DD`. `estimated` marks a year whose notice was not
 * known when this file was written: the statutory days and the law's make-up days
 * (make-up-days.ts), without the bridge days and adjusted working days the notice will add.
 * Deadlines in such a year say 「以法院通知为准」; `yzt calendar import` or admin mode loads
 * the notice when it is published (calendar-data.ts), without a release.
 */
import { yearFromLaw } from './make-up-days.js';

export interface HolidayYear {
  year: number;
  source: string;
  estimated?: boolean;
  holidays: readonly string[];
  workdays: readonly string[];
}

export const CN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)',
    holidays: ['2024-01-01', '2024-02-10..2024-02-17', '2024-04-04..2024-04-06', '2024-05-01..2024-05-05', '2024-06-08..2024-06-10', '2024-09-15..2024-09-17', '2024-10-01..2024-10-07'],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)',
    holidays: ['2025-01-01', '2025-01-28..2025-02-04', '2025-04-04..2025-04-06', '2025-05-01..2025-05-05', '2025-05-31..2025-06-02', '2025-10-01..2025-10-08'],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (published November 2025; recalled from the notice, verify)',
    holidays: ['2026-01-01..2026-01-03', '2026-02-15..2026-02-23', '2026-04-04..2026-04-06', '2026-05-01..2026-05-05', '2026-06-19..2026-06-21', '2026-09-25..2026-09-27', '2026-10-01..2026-10-07'],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // No 2027 notice was published when this was written (the chinese-days package, which tracks
  // the notices, ends at 2026): the law's statutory days and art. 6's make-up days, unconfirmed.
  // 除夕 2027-02-05, 清明 04-05, 端午 06-09, 中秋 09-15 from the lunar calendar and solar terms.
  yearFromLaw(2027, [
    { name_zh: '元旦', days: ['2027-01-01'] },
    { name_zh: '春节', days: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
    { name_zh: '清明节', days: ['2027-04-05'] },
    { name_zh: '劳动节', days: ['2027-05-01', '2027-05-02'] },
    { name_zh: '端午节', days: ['2027-06-09'] },
    { name_zh: '中秋节', days: ['2027-09-15'] },
    { name_zh: '国庆节', days: ['2027-10-01', '2027-10-02', '2027-10-03'] },
  ]),
];
