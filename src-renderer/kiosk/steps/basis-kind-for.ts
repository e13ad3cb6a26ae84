/** The kind of basis document a composed number implies (the composer knows who issued it). */
import type { BasisKind } from '../../../src-shared/courts/routing-types.js';
import type { Issuer } from '../../../src-shared/casenum/arbitration-number.js';

export const ARBITRATION_KINDS: readonly BasisKind[] = ['arbitration-award', 'labour-arbitration-award'];

/** A number composed for an award says which kind of award it is; a court's number undoes that, and leaves any other kind chosen. */
export function kindFor(issuer: Issuer, current: BasisKind): { basisKind?: BasisKind } {
  if (issuer === 'commercial') return { basisKind: 'arbitration-award' };
  if (issuer === 'labour') return { basisKind: 'labour-arbitration-award' };
  return ARBITRATION_KINDS.includes(current) ? { basisKind: 'judgment' } : {};
}
