/**
 * Courts an applicant can pick by name when composing a case number (法院代字 by province,
 * then city, then court), so nobody has to know a code. Basic courts carry the last four digits
 * of their county's division code and intermediate courts its city's two (2016 national
 * case-number rules); the list holds the seed courts' provinces and cities. A court missing
 * here is still reachable: the composer takes the province and the digits of its code.
 */
import { isValidCourtCode } from './case-number.js';
import { HIGH_COURT_CODES, highCourtCode } from './provinces.js';

export interface Province {
  /** The abbreviation a case number starts its court code with. */
  char: string;
  name_zh: string;
  name_en: string;
}

/** The SPC table's high-court codes in the order of the national list (provinces.ts). */
export const PROVINCES: readonly Province[] = HIGH_COURT_CODES.map((h) => ({ char: h.char, name_zh: h.region_zh, name_en: h.name_en }));

export interface CourtEntry {
  code: string;
  name: string;
}

export interface CityCourts {
  /** The intermediate court's code: the province character and two digits. */
  code: string;
  city_zh: string;
  city_en: string;
  courts: readonly CourtEntry[];
}

const city = (code: string, city_zh: string, city_en: string, courts: Array<[string, string]>): CityCourts => ({
  code,
  city_zh,
  city_en,
  courts: [{ code, name: `${city_zh}中级人民法院` }, ...courts.map(([c, name]) => ({ code: c, name }))],
});

/** Cities by province: the seed courts' own cities in full, other cities by their intermediate court. */
export const CITY_COURTS: Readonly<Record<string, readonly CityCourts[]>> = {
  豫: [
    city('豫08', '焦作市', 'Jiaozuo', [
      ['豫0802', '焦作市解放区人民法院'],
      ['豫0803', '焦作市中站区人民法院'],
      ['豫0804', '焦作市马村区人民法院'],
      ['豫0811', '焦作市山阳区人民法院'],
      ['豫0821', '修武县人民法院'],
      ['豫0822', '博爱县人民法院'],
      ['豫0823', '武陟县人民法院'],
      ['豫0825', '温县人民法院'],
      ['豫0882', '沁阳市人民法院'],
      ['豫0883', '孟州市人民法院'],
    ]),
    city('豫14', '商丘市', 'Shangqiu', [
      ['豫1402', '商丘市梁园区人民法院'],
      ['豫1403', '商丘市睢阳区人民法院'],
      ['豫1421', '民权县人民法院'],
      ['豫1422', '睢县人民法院'],
      ['豫1423', '宁陵县人民法院'],
      ['豫1424', '柘城县人民法院'],
      ['豫1425', '虞城县人民法院'],
      ['豫1426', '夏邑县人民法院'],
      ['豫1481', '永城市人民法院'],
    ]),
    city('豫01', '郑州市', 'Zhengzhou', []),
    city('豫02', '开封市', 'Kaifeng', []),
    city('豫03', '洛阳市', 'Luoyang', []),
    city('豫04', '平顶山市', 'Pingdingshan', []),
    city('豫05', '安阳市', 'Anyang', []),
    city('豫06', '鹤壁市', 'Hebi', []),
    city('豫07', '新乡市', 'Xinxiang', []),
    city('豫09', '濮阳市', 'Puyang', []),
    city('豫10', '许昌市', 'Xuchang', []),
    city('豫11', '漯河市', 'Luohe', []),
    city('豫12', '三门峡市', 'Sanmenxia', []),
    city('豫13', '南阳市', 'Nanyang', []),
    city('豫15', '信阳市', 'Xinyang', []),
    city('豫16', '周口市', 'Zhoukou', []),
    city('豫17', '驻马店市', 'Zhumadian', []),
  ],
  黑: [
    city('黑06', '大庆市', 'Daqing', [
      ['黑0602', '大庆市萨尔图区人民法院'],
      ['黑0603', '大庆市龙凤区人民法院'],
      ['黑0604', '大庆市让胡路区人民法院'],
      ['黑0605', '大庆市红岗区人民法院'],
      ['黑0606', '大庆市大同区人民法院'],
      ['黑0621', '肇州县人民法院'],
      ['黑0622', '肇源县人民法院'],
      ['黑0623', '林甸县人民法院'],
      ['黑0624', '杜尔伯特蒙古族自治县人民法院'],
    ]),
    city('黑01', '哈尔滨市', 'Harbin', []),
    city('黑02', '齐齐哈尔市', 'Qiqihar', []),
  ],
  鄂: [
    city('鄂10', '荆州市', 'Jingzhou', [
      ['鄂1002', '荆州市沙市区人民法院'],
      ['鄂1003', '荆州市荆州区人民法院'],
      ['鄂1022', '公安县人民法院'],
      ['鄂1023', '监利市人民法院'],
      ['鄂1024', '江陵县人民法院'],
      ['鄂1081', '石首市人民法院'],
      ['鄂1083', '洪湖市人民法院'],
      ['鄂1087', '松滋市人民法院'],
    ]),
    city('鄂01', '武汉市', 'Wuhan', []),
  ],
};

export function provinceOf(char: string): Province | undefined {
  return PROVINCES.find((p) => p.char === char);
}

/** The high court of a province has the bare province character as its code. */
export function highCourt(p: Province): CourtEntry {
  return { code: p.char, name: highCourtCode(p.char)?.court_zh ?? `${p.name_zh}高级人民法院` };
}

/** Every court of the table by its code, for showing the name of a composed or scanned number. */
export function courtName(code: string): string | undefined {
  if (code === '最高法') return '最高人民法院';
  const p = provinceOf(code.slice(0, 1));
  if (p && code.length === 1) return highCourt(p).name;
  for (const c of CITY_COURTS[code.slice(0, 1)] ?? []) {
    const hit = c.courts.find((x) => x.code === code);
    if (hit) return hit.name;
  }
  return undefined;
}

/** A court the list lacks, from its province and the digits of its code (two or four). */
export function courtCodeFromDigits(provinceChar: string, digits: string): string | null {
  const code = provinceChar + digits;
  return isValidCourtCode(code) && digits.length > 0 ? code : null;
}
