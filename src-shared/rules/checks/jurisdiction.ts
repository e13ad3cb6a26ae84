/**
 * 执行管辖: a judgment or ruling is enforced by the court of first instance, or by a court of the
 * same level where the respondent's property is (Civil Procedure Law art. 236; seed 000 art. 8-9:
 * the kiosk files for the city's courts, and moving jurisdiction is a review matter). A basis
 * from another court's area is therefore a notice, not a refusal: the property may be here.
 */
import { courtNameOf } from '../../courts/court-names.js';
import { finding } from '../finding.js';
import { isFirstFiling, type RuleDef } from './rule.js';

const SOURCE = 'seed 000 art. 8-9; Civil Procedure Law art. 236';
const COURT_ISSUED = ['judgment', 'ruling', 'mediation', 'payment-order'];

export const JURISDICTION_RULES: readonly RuleDef[] = [
  {
    id: 'basis.jurisdiction',
    source: SOURCE,
    summary_en: 'a court-issued basis from another court area gets a jurisdiction notice naming the court to go to',
    run(ctx) {
      const b = ctx.facts.basis;
      const r = ctx.basisParse;
      // An old 字第 number names its court in free words, not a code: the clerk's legacy check covers it.
      if (!b || !r?.ok || r.format !== 'current' || !COURT_ISSUED.includes(b.kind) || !isFirstFiling(ctx)) return [];
      const basisCourt = r.value.courtCode;
      const here = ctx.court.code;
      if (basisCourt === here) return [];
      const appeal = r.value.typeCode.endsWith('终');
      // An appeal court's judgment is enforced by the first-instance court below it, which may be this one.
      if (appeal && here.startsWith(basisCourt)) return [];
      const name = courtNameOf(basisCourt);
      const goZh = name.known ? name.zh : `作出这份文书的法院（法院代字“${basisCourt}”）`;
      const zh = appeal
        ? `执行依据是${name.zh}作出的二审文书。二审文书一般由第一审法院执行（执行管辖），本院（${ctx.court.name}）可能没有管辖权：请向当初一审的法院申请执行；如果被执行人的财产在本院辖区，可以到窗口说明。`
        : `执行依据是${name.zh}作出的。生效文书一般由作出它的第一审法院执行（执行管辖），本院（${ctx.court.name}）可能没有管辖权：请向${goZh}申请执行；如果被执行人的财产在本院辖区，可以到窗口说明。`;
      const en = appeal
        ? `The basis is an appeal decision of ${name.en}. Appeal decisions are usually enforced by the court of first instance (jurisdiction, 执行管辖), so this court (${ctx.court.name}) may not have jurisdiction: apply to the court that heard the case first; if the respondent's property is in this court's area, say so at the counter.`
        : `The basis was issued by ${name.en}. A decision is usually enforced by the court of first instance that issued it (jurisdiction, 执行管辖), so this court (${ctx.court.name}) may not have jurisdiction: apply to that court; if the respondent's property is in this court's area, say so at the counter.`;
      return [finding('basis.jurisdiction', 'warn', zh, en, SOURCE, 'basis.number')];
    },
  },
];
