/** A composed number sets the kind of basis document: an award's number marks an award of its kind. */
import { describe, expect, it } from 'vitest';
import { kindFor } from '../../../src-renderer/kiosk/steps/basis-kind-for.js';

describe('the kind of document a composed number implies', () => {
  it('marks an award by the kind of commission, whatever was chosen before', () => {
    expect(kindFor('commercial', 'judgment')).toEqual({ basisKind: 'arbitration-award' });
    expect(kindFor('labour', 'arbitration-award')).toEqual({ basisKind: 'labour-arbitration-award' });
  });

  it('turns an award back into a judgment for a court’s number, and leaves a ruling or mediation as chosen', () => {
    expect(kindFor('court', 'labour-arbitration-award')).toEqual({ basisKind: 'judgment' });
    expect(kindFor('court', 'ruling')).toEqual({});
    expect(kindFor('court', 'mediation')).toEqual({});
  });
});
