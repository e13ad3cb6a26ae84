/**
 * A court profile is configuration: its code, name and level. The rules engine extends it
 * with type tables, thresholds, teams, deadlines and holidays. No court's code is hard-coded
 * in logic; everything reads the profile the kiosk is configured with.
 */
export type CourtLevel = 'high' | 'intermediate' | 'basic';

export interface CourtProfile {
  id: string;
  /** 法院代字, e.g. 豫0811 */
  code: string;
  name: string;
  level: CourtLevel;
  /** False where the code could not be confirmed from a public source. */
  codeConfirmed: boolean;
  /** Seed document this profile's rules come from. */
  seed?: string;
}

export const COURT_PRESETS: readonly CourtProfile[] = [
  { id: 'daqing-zy', code: '黑06', name: '大庆市中级人民法院', level: 'intermediate', codeConfirmed: true, seed: '000' },
  { id: 'jiaozuo-shanyang', code: '豫0811', name: '焦作市山阳区人民法院', level: 'basic', codeConfirmed: true, seed: '001' },
  { id: 'shangqiu-zy', code: '豫14', name: '商丘市中级人民法院', level: 'intermediate', codeConfirmed: true, seed: '002' },
  { id: 'wuzhi', code: '豫0823', name: '武陟县人民法院', level: 'basic', codeConfirmed: true, seed: '003' },
  // 监利 became a county-level city in 2020 (421081); whether the court code followed is unconfirmed.
  { id: 'jianli', code: '鄂1081', name: '监利市人民法院', level: 'basic', codeConfirmed: false, seed: '004' },
];

export function findCourt(id: string, profiles: readonly CourtProfile[] = COURT_PRESETS): CourtProfile | undefined {
  return profiles.find((p) => p.id === id);
}
