import { describe, expect, it } from 'vitest';
import { chineseNumber, citeSource } from '../../../src-shared/rules/cite-source.js';
import { COURT_PRESETS } from '../../../src-shared/courts/presets/index.js';
import { resolveCourt } from '../../../src-shared/courts/court-profile.js';

const WUZHI = '《武陟县人民法院执行权运行机制改革实施方案》';
const SHANGQIU = '《商丘市中级人民法院关于全面推进执行体制改革的实施方案》';

describe('rules cited to clerks as documents (issue 14 item 4)', () => {
  it('writes numbers as the documents do', () => {
    expect([1, 10, 11, 17, 20, 25, 99].map(chineseNumber)).toEqual(['一', '十', '十一', '十七', '二十', '二十五', '九十九']);
  });

  it.each([
    ['seed 003 ch.3 §3', `${WUZHI}第三章三`],
    ['seed 003 ch.3 §1(二)4', `${WUZHI}第三章一（二）第4项`],
    ['seed 003 ch.3 §7.12', `${WUZHI}第三章七第12项`],
    ['seed 002 art. 11(二)3', `${SHANGQIU}第十一条（二）第3项`],
    ['seed 002 art. 17(一)', `${SHANGQIU}第十七条（一）`],
    ['seed 002 art. 16 (法定6个月期限)', `${SHANGQIU}第十六条（法定6个月期限）`],
    ['seed 001 art. 5, 12', '《焦作市山阳区人民法院立案、审判与执行工作一体化运行机制的规定（试行）》第五条、第十二条'],
    ['seed 000 art. 14(1)-(4)', '《大庆市中级人民法院“执行一证通”立案管理办法》第十四条第1至4项'],
    ['seed 004 group 7 §1, §9-10', '《监利市人民法院执行“一站式”改革方案》第七组第1项、第9-10项'],
  ])('%s → %s', (source, zh) => {
    expect(citeSource(source).zh).toBe(zh);
  });

  it('keeps a source that names no seed as written, and English names the document too', () => {
    expect(citeSource('SPC 执行工作若干问题的规定(试行): 6 months').zh).toBe('SPC 执行工作若干问题的规定(试行): 6 months');
    expect(citeSource('seed 003 ch.3 §3').en).toBe('Wuzhi County Court, Plan for the Reform of the Exercise of Enforcement Power, ch.3 §3');
  });

  it('cites every rule source of the five preset courts without a seed number left in the Chinese', () => {
    const sources = COURT_PRESETS.flatMap((p) => {
      const c = resolveCourt(p);
      return [
        ...c.routing.rules.map((r) => r.source), c.routing.fallback.source, ...(c.routing.conversions ?? []).map((r) => r.source),
        ...c.deadlines.map((d) => d.source), ...c.notices.map((n) => n.source), ...c.teams.flatMap((t) => (t.caseLimit ? [t.caseLimit.source] : [])),
        ...(c.routing.flow?.stages.flatMap((s) => s.exits.map((e) => e.source)) ?? []),
      ];
    });
    expect(sources.length).toBeGreaterThan(60);
    for (const s of sources) {
      const zh = citeSource(s).zh;
      expect(zh, s).not.toMatch(/seed|art\.|ch\.|§|group/);
    }
  });
});

describe('several sources', () => {
  it('cites each document of a source list', () => {
    expect(citeSource('seed 000 art. 8-9; Civil Procedure Law art. 236').zh).toBe('《大庆市中级人民法院“执行一证通”立案管理办法》第八至九条；Civil Procedure Law art. 236');
  });
});
