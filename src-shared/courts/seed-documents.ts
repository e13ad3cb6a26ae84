/**
 * The court documents the rules come from (`../shared/seeds/`), by seed number, with the title
 * a clerk knows them by: rules are cited to clerks as documents, not as seed numbers.
 */
export interface SeedDocument {
  seed: string;
  /** The title as the issuing court names it, with the court in front (《…》 added when cited). */
  title_zh: string;
  title_en: string;
  /** How the document numbers its parts: articles (第N条) or chapters and sections (第N章 一、(一) 1、). */
  structure: 'articles' | 'chapters' | 'groups';
}

export const SEED_DOCUMENTS: Readonly<Record<string, SeedDocument>> = {
  '000': { seed: '000', title_zh: '大庆市中级人民法院“执行一证通”立案管理办法', title_en: 'Daqing Intermediate Court, Rules on Filing through the Enforcement One-Card Kiosk', structure: 'articles' },
  '001': { seed: '001', title_zh: '焦作市山阳区人民法院立案、审判与执行工作一体化运行机制的规定（试行）', title_en: 'Jiaozuo Shanyang District Court, Rules on Integrating Filing, Trial and Enforcement (trial)', structure: 'articles' },
  '002': { seed: '002', title_zh: '商丘市中级人民法院关于全面推进执行体制改革的实施方案', title_en: 'Shangqiu Intermediate Court, Plan for the Reform of Enforcement', structure: 'articles' },
  '003': { seed: '003', title_zh: '武陟县人民法院执行权运行机制改革实施方案', title_en: 'Wuzhi County Court, Plan for the Reform of the Exercise of Enforcement Power', structure: 'chapters' },
  '004': { seed: '004', title_zh: '监利市人民法院执行“一站式”改革方案', title_en: 'Jianli City Court, One-Stop Enforcement Reform Plan', structure: 'groups' },
};
