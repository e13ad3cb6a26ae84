/**
 * Which checks the applicant sees, and when: a field's message once they have left that field
 * (or changed that choice), every message of a step once they have tried to leave it or come
 * back to it from the review. Nothing shouts at a field nobody has reached yet.
 */
import { fieldMessagesIn } from '../../../src-shared/i18n/field-messages-en.js';
import { useCallback, useState } from 'react';
import type { StepId } from '../../../src-shared/i18n/applicant-texts.js';
import type { Finding } from '../../../src-shared/rules/finding.js';
import { applicantFindings, stepOfPath } from './finding-step.js';
import type { LiveCheck } from './live-check.js';

/** Facts paths named as the fields name them (the basis number and amount differ). */
export function fieldKeyOf(path: string): string {
  return path.replace(/^basis\.number$/, 'basisNumber').replace(/^claim\.amountFen$/, 'amountYuan');
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

export interface Reached {
  touched: ReadonlySet<string>;
  steps: ReadonlySet<StepId>;
}

export function isShown(path: string, r: Reached): boolean {
  if (r.steps.has(stepOfPath(path))) return true;
  for (const t of r.touched) if (related(fieldKeyOf(path), t)) return true;
  return false;
}

/** Messages beside fields: the schema's "please fill in", format checks and the rules' findings with a field. */
/** In English the findings give their own English text; field messages are translated (they are made in Chinese). */
export function shownFieldErrors(live: LiveCheck | null, r: Reached, lang: 'zh' | 'en' = 'zh'): Record<string, string> {
  if (!live) return {};
  const out: Record<string, string> = {};
  const add = (path: string, text: string) => {
    if (isShown(path, r)) out[fieldKeyOf(path)] ??= text;
  };
  for (const f of applicantFindings(live.check.findings)) if (f.path && f.severity !== 'info') add(f.path, lang === 'en' ? f.message_en : f.message_zh);
  for (const [k, v] of Object.entries(fieldMessagesIn(live.check.fields, lang))) add(k, v);
  for (const [k, v] of Object.entries(fieldMessagesIn(live.missing, lang))) add(k, v);
  return out;
}

/** The findings of one step that the applicant has reached, for the list under the step. */
export function stepFindings(live: LiveCheck | null, step: StepId, r: Reached): Finding[] {
  if (!live) return [];
  return applicantFindings(live.check.findings).filter((f) => f.severity !== 'info' && f.path && stepOfPath(f.path) === step && isShown(f.path, r));
}

/** Blocking problems of a step, shown or not: leaving the step with them is asked about once. */
export function stepBlocks(live: LiveCheck | null, step: StepId): number {
  if (!live) return 0;
  const paths = [
    ...live.check.findings.filter((f) => f.severity === 'block' && f.path).map((f) => f.path!),
    ...Object.keys(live.check.fields),
    ...Object.keys(live.missing),
  ];
  return new Set(paths.filter((p) => stepOfPath(p) === step).map(fieldKeyOf)).size;
}

export function useReached(): { reached: Reached; touch(key: string): void; reach(step: StepId): void } {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [steps, setSteps] = useState<ReadonlySet<StepId>>(new Set());
  const touch = useCallback((key: string) => setTouched((s) => (s.has(key) ? s : new Set([...s, key]))), []);
  const reach = useCallback((step: StepId) => setSteps((s) => (s.has(step) ? s : new Set([...s, step]))), []);
  return { reached: { touched, steps }, touch, reach };
}
