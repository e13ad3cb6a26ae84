/**
 * The rules engine on the answers so far, on every step. The draft schema wants every required
 * answer, so the answers not given yet are stood in for by placeholders; whatever the engine
 * then says about a placeholder is dropped, and the schema's own "please fill in" for it is kept
 * (shown only once the applicant has been at that field).
 */
import { useEffect, useState } from 'react';
import type { CardView, CheckView, KioskBridge, UserError } from '../../../src-shared/api/contract.js';
import type { FilingDraft } from '../../../src-shared/domain/filing.js';
import { toDraft, type Answers } from './answers.js';

/** A rules answer plus the schema's messages for answers still missing. */
export interface LiveCheck {
  check: CheckView;
  missing: Record<string, string>;
}

const PLACEHOLDER_PARTY = { name: '—', idNumber: '—', address: '—', phone: '—' } as const;

/** The draft with each missing required answer filled, and the paths filled. */
export function withPlaceholders(d: FilingDraft): { draft: FilingDraft; gaps: string[] } {
  const gaps: string[] = [];
  const fill = (path: string, v: string, stand: string) => {
    if (v.trim()) return v;
    gaps.push(path);
    return stand;
  };
  const draft: FilingDraft = {
    ...d,
    basisNumber: fill('basisNumber', d.basisNumber, '—'),
    amountYuan: fill('amountYuan', d.amountYuan, '1'),
    respondents: d.respondents.map((r, i) => ({ ...r, name: fill(`respondents.${i}.name`, r.name, '—') })),
  };
  for (const key of ['principal', 'company'] as const) {
    const p = d[key];
    if (!p) continue;
    const q = { ...p };
    // The party applying is the rules' applicants.0: the same gap under its facts path too.
    const applying = (key === 'principal' && d.filer === 'agent') || (key === 'company' && d.filer === 'company');
    for (const f of Object.keys(PLACEHOLDER_PARTY) as Array<keyof typeof PLACEHOLDER_PARTY>) {
      q[f] = fill(`${key}.${f}`, p[f] ?? '', PLACEHOLDER_PARTY[f]);
      if (applying && q[f] === PLACEHOLDER_PARTY[f] && !(p[f] ?? '').trim()) gaps.push(`applicants.0.${f}`);
    }
    draft[key] = q;
  }
  if (gaps.includes('basisNumber')) gaps.push('basis.number');
  if (gaps.includes('amountYuan')) gaps.push('claim.amountFen', 'claim');
  return { draft, gaps };
}

const BLANK: CheckView = { ok: false, typeCode: null, typeLabel_zh: null, typeLabel_en: null, findings: [], money: null, preEnforcementOffered: false, fields: {} };

const isGap = (gaps: readonly string[], path: string | undefined) => !!path && gaps.some((g) => path === g || path.startsWith(`${g}.`));

/** Drops what the engine said about placeholders; keeps the schema's messages as `missing`. */
export function mergeLive(check: CheckView, gaps: readonly string[], schemaFields: Record<string, string>): LiveCheck {
  const fields = Object.fromEntries(Object.entries(check.fields).filter(([k]) => !isGap(gaps, k)));
  const findings = check.findings.filter((f) => !isGap(gaps, f.path));
  const missing = Object.fromEntries(Object.entries(schemaFields).filter(([k]) => isGap(gaps, k) || !(k in fields)));
  return { check: { ...check, ok: check.ok && gaps.length === 0 && Object.keys(missing).length === 0, findings, fields }, missing };
}

/** One check of the answers as they are now: the real draft, then with placeholders if needed. */
export async function runLiveCheck(bridge: KioskBridge, a: Answers): Promise<{ live: LiveCheck | null; error: UserError | null }> {
  const real = toDraft(a);
  const first = await bridge['filing.check'](real);
  if (first.ok) return { live: { check: first.value, missing: {} }, error: null };
  if (first.error.code !== 'validation') return { live: null, error: first.error };
  const { draft, gaps } = withPlaceholders(real);
  const second = await bridge['filing.check'](draft);
  if (second.ok) return { live: mergeLive(second.value, gaps, first.error.fields ?? {}), error: null };
  // Some answer is malformed, not only missing: its message goes beside its field.
  return { live: { check: BLANK, missing: { ...(first.error.fields ?? {}), ...(second.error.fields ?? {}) } }, error: null };
}

/**
 * Runs the check a moment after the answers stop changing, on every step once a card is read.
 * `fresh()` answers for the answers as they are now (leaving a step must not judge old answers).
 */
export function useLiveCheck(bridge: KioskBridge, a: Answers, card: CardView | null, enabled: boolean) {
  const [state, setState] = useState<{ live: LiveCheck | null; error: UserError | null; of: Answers | null }>({ live: null, error: null, of: null });
  useEffect(() => {
    if (!enabled || !card) return;
    let current = true;
    const t = setTimeout(() => {
      void runLiveCheck(bridge, a).then((r) => {
        if (current) setState((old) => ({ live: r.live ?? old.live, error: r.error, of: a }));
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(t);
    };
  }, [a, card, bridge, enabled]);
  const fresh = async (): Promise<LiveCheck | null> => {
    if (state.of === a || !card) return state.live;
    const r = await runLiveCheck(bridge, a);
    setState((old) => ({ live: r.live ?? old.live, error: r.error, of: a }));
    return r.live;
  };
  return { live: state.live, error: state.error, fresh };
}
