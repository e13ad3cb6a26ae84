/** The contract's handwriting methods, answered by the recogniser. */
import type { ApiHandlers } from '../../src-shared/api/contract.js';
import type { HandwritingMethod } from '../../src-shared/handwriting/contract.js';
import type { HandwritingRecognizer } from './handwriting-recognizer.js';

export function handwritingHandlers(r: HandwritingRecognizer): Pick<ApiHandlers, HandwritingMethod> {
  return {
    'handwriting.recognize': async (ink) => ({ candidates: await r.recognize(ink) }),
  };
}
