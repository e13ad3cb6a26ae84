/** The central's re-check of a move of an assigned case, by the court's own profile (seeds 002, 004). */
import { describe, expect, it } from 'vitest';
import { checkCentralStageMove } from '../../../src-main/central/stage-transition.js';

describe('central re-check of team moves', () => {
  it('Jianli: along the flow only, returns included (seed 004)', () => {
    expect(checkCentralStageMove('鄂1023', 'clue-query', 'crackdown')).toEqual({ ok: true });
    expect(checkCentralStageMove('鄂1023', 'disposal', 'clue-query')).toEqual({ ok: true });
    expect(checkCentralStageMove('鄂1023', 'clue-query', 'termination')).toMatchObject({ ok: false, code: 'bad-stage-move' });
    expect(checkCentralStageMove('鄂1023', 'online-query', 'monitoring')).toMatchObject({ ok: false });
  });
  it('Shangqiu: the art. 17 conversion of a case in hand, never back (seed 002 art. 17)', () => {
    expect(checkCentralStageMove('豫14', 'simple', 'ordinary')).toEqual({ ok: true });
    expect(checkCentralStageMove('豫14', 'ordinary', 'simple')).toMatchObject({ ok: false });
  });
  it('a court with neither, or an unknown court, refuses', () => {
    expect(checkCentralStageMove('豫0823', 'fast', 'ordinary')).toMatchObject({ ok: false });
    expect(checkCentralStageMove('京01', 'a', 'b')).toMatchObject({ ok: false });
  });
});
