import type { CardView, CheckView, KioskBridge } from '../../../src-shared/api/contract.js';
import type { Answers } from '../wizard/answers.js';

export interface StepProps {
  a: Answers;
  set(patch: Partial<Answers>): void;
  card: CardView | null;
  bridge: KioskBridge;
  check: CheckView | null;
}
