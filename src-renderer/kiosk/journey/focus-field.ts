/**
 * Brings the applicant to one field: scrolled into the middle of the screen, focused (the
 * on-screen keyboard opens for text fields), and outlined for a few seconds so the eye finds it.
 * Fields are found by their error key (data-error-key), choices by their name.
 */
import { fieldKeyOf } from '../wizard/shown-errors.js';

const HIGHLIGHT = 'fix-here';

function findField(path: string): HTMLElement | null {
  const key = fieldKeyOf(path);
  const candidates = [key, key.split('.').slice(0, -1).join('.'), key.split('.')[0] ?? ''].filter(Boolean);
  for (const k of candidates) {
    const byKey = document.querySelector<HTMLElement>(`[data-error-key="${CSS.escape(k)}"]`);
    if (byKey) return byKey;
    const byName = document.querySelector<HTMLElement>(`input[name="${CSS.escape(k)}"]`);
    if (byName) return byName;
  }
  return null;
}

/** Returns false when the step shows no such field (then the step's list of checks says it). */
export function focusField(path: string): boolean {
  const el = findField(path);
  const target = el?.closest<HTMLElement>('.field, fieldset, .check-card') ?? el;
  if (!el || !target) {
    document.querySelector<HTMLElement>('[data-testid=step-findings]')?.scrollIntoView({ block: 'center' });
    return false;
  }
  target.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  target.classList.add(HIGHLIGHT);
  target.setAttribute('data-fix-here', 'true');
  window.setTimeout(() => {
    target.classList.remove(HIGHLIGHT);
    target.removeAttribute('data-fix-here');
  }, 6000);
  return true;
}
