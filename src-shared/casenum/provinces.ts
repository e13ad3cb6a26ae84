/**
 * The high courts' 法院代字 of the SPC case-number rules (《最高人民法院关于人民法院案件案号的若干规定》
 * art. 4, 2016): a high court's code is its province's official abbreviation, except that the
 * Inner Mongolia high court, the PLA Military Court and the Xinjiang high court's Production and
 * Construction Corps branch use 内, 军 and 兵. Intermediate and basic courts add two or four digits
 * (art. 5). This is the one table: the parser, the composer's picker and court names read it.
 */
export interface HighCourtCode {
  /** The character a court code starts with. */
  char: string;
  /** The region as people name it (内蒙古自治区, 北京市). */
  region_zh: string;
  name_en: string;
  /** The high court's full name. */
  court_zh: string;
}

const region = (char: string, region_zh: string, name_en: string): HighCourtCode => ({ char, region_zh, name_en, court_zh: `${region_zh}高级人民法院` });

export const HIGH_COURT_CODES: readonly HighCourtCode[] = [
  region('京', '北京市', 'Beijing'),
  region('津', '天津市', 'Tianjin'),
  region('冀', '河北省', 'Hebei'),
  region('晋', '山西省', 'Shanxi'),
  region('内', '内蒙古自治区', 'Inner Mongolia'),
  region('辽', '辽宁省', 'Liaoning'),
  region('吉', '吉林省', 'Jilin'),
  region('黑', '黑龙江省', 'Heilongjiang'),
  region('沪', '上海市', 'Shanghai'),
  region('苏', '江苏省', 'Jiangsu'),
  region('浙', '浙江省', 'Zhejiang'),
  region('皖', '安徽省', 'Anhui'),
  region('闽', '福建省', 'Fujian'),
  region('赣', '江西省', 'Jiangxi'),
  region('鲁', '山东省', 'Shandong'),
  region('豫', '河南省', 'Henan'),
  region('鄂', '湖北省', 'Hubei'),
  region('湘', '湖南省', 'Hunan'),
  region('粤', '广东省', 'Guangdong'),
  region('桂', '广西壮族自治区', 'Guangxi'),
  region('琼', '海南省', 'Hainan'),
  region('渝', '重庆市', 'Chongqing'),
  region('川', '四川省', 'Sichuan'),
  region('黔', '贵州省', 'Guizhou'),
  region('云', '云南省', 'Yunnan'),
  region('藏', '西藏自治区', 'Tibet'),
  region('陕', '陕西省', 'Shaanxi'),
  region('甘', '甘肃省', 'Gansu'),
  region('青', '青海省', 'Qinghai'),
  region('宁', '宁夏回族自治区', 'Ningxia'),
  region('新', '新疆维吾尔自治区', 'Xinjiang'),
  { char: '军', region_zh: '中国人民解放军', name_en: 'the PLA military courts', court_zh: '中国人民解放军军事法院' },
  { char: '兵', region_zh: '新疆生产建设兵团', name_en: 'the Xinjiang Production and Construction Corps', court_zh: '新疆维吾尔自治区高级人民法院生产建设兵团分院' },
];

/**
 * Abbreviations people use that the SPC table does not (蒙 and 贵 are the common ones; 滇, 蜀, 秦,
 * 陇 are literary names). A number starting with one is refused, naming the code to use instead.
 */
export const NOT_A_COURT_CODE: Readonly<Record<string, string>> = { 蒙: '内', 贵: '黔', 滇: '云', 蜀: '川', 秦: '陕', 陇: '甘' };

export function highCourtCode(char: string): HighCourtCode | undefined {
  return HIGH_COURT_CODES.find((h) => h.char === char);
}
