/**
 * A court named from its 法院代字 for people: the profile's name where the kiosk knows the court,
 * otherwise the province and level the code itself says (豫0811: a basic court in Henan).
 */
import { findCourtByCode } from './court-profile.js';

const PROVINCES: Record<string, [string, string]> = {
  京: ['北京市', 'Beijing'], 津: ['天津市', 'Tianjin'], 冀: ['河北省', 'Hebei'], 晋: ['山西省', 'Shanxi'], 蒙: ['内蒙古自治区', 'Inner Mongolia'],
  辽: ['辽宁省', 'Liaoning'], 吉: ['吉林省', 'Jilin'], 黑: ['黑龙江省', 'Heilongjiang'], 沪: ['上海市', 'Shanghai'], 苏: ['江苏省', 'Jiangsu'],
  浙: ['浙江省', 'Zhejiang'], 皖: ['安徽省', 'Anhui'], 闽: ['福建省', 'Fujian'], 赣: ['江西省', 'Jiangxi'], 鲁: ['山东省', 'Shandong'],
  豫: ['河南省', 'Henan'], 鄂: ['湖北省', 'Hubei'], 湘: ['湖南省', 'Hunan'], 粤: ['广东省', 'Guangdong'], 桂: ['广西壮族自治区', 'Guangxi'],
  琼: ['海南省', 'Hainan'], 渝: ['重庆市', 'Chongqing'], 川: ['四川省', 'Sichuan'], 贵: ['贵州省', 'Guizhou'], 云: ['云南省', 'Yunnan'],
  藏: ['西藏自治区', 'Tibet'], 陕: ['陕西省', 'Shaanxi'], 甘: ['甘肃省', 'Gansu'], 青: ['青海省', 'Qinghai'], 宁: ['宁夏回族自治区', 'Ningxia'],
  新: ['新疆维吾尔自治区', 'Xinjiang'], 兵: ['新疆生产建设兵团', 'the Xinjiang Production and Construction Corps'],
};

export interface CourtName {
  zh: string;
  en: string;
  /** True when the kiosk knows the court itself (a court profile), not only its province and level. */
  known: boolean;
}

export function courtNameOf(code: string): CourtName {
  const profile = findCourtByCode(code);
  if (profile) return { zh: profile.name, en: `${profile.name} (court code ${code})`, known: true };
  const [pzh, pen] = PROVINCES[code[0] ?? ''] ?? ['', ''];
  const digits = code.slice(1).length;
  const level: [string, string] = digits === 0 ? ['高级人民法院', 'high court'] : digits === 2 ? ['一家中级人民法院', 'an intermediate court'] : ['一家基层人民法院', 'a basic-level court'];
  return { zh: `${pzh}的${level[0]}（法院代字“${code}”）`, en: `${digits === 0 ? 'the' : ''}${digits === 0 ? ' ' : ''}${level[1]} of ${pen} (court code ${code})`, known: false };
}
