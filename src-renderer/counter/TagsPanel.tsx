import { useState } from 'react';
import type { CaseDetail } from '../../src-shared/counter/contract.js';
import type { RecordedTag } from '../../src-shared/counter/routing-tags-record.js';
import { TAG_SOURCES, TAG_SOURCE_LABELS, type TagSource } from '../../src-shared/courts/routing-tag-labels.js';
import type { RoutingTag } from '../../src-shared/courts/routing-types.js';
import { citeSource } from '../../src-shared/rules/cite-source.js';
import { chinaTime, type Call } from './counter-ui.js';

type Draft = Partial<Record<RoutingTag, { source: TagSource; note: string }>>;

function draftOf(tags: readonly RecordedTag[]): Draft {
  return Object.fromEntries(tags.map((t) => [t.tag, { source: t.source, note: t.note }]));
}

/**
 * The court's triage criteria answered at the counter (issue 14 item 4): the clerk ticks each
 * that applies and says where it was learned; the set goes to the central as the clerk's record
 * and feeds the suggestion on every terminal.
 */
export function TagsPanel({ call, token, detail, onChange }: { call: Call; token: string; detail: CaseDetail; onChange: (d: CaseDetail) => void }) {
  const recorded = detail.tags?.tags ?? [];
  const [draft, setDraft] = useState<Draft>(() => draftOf(recorded));
  const criteria = detail.criteria ?? [];
  const done = detail.row.stage === 'done';
  if (criteria.length === 0) return null;
  const save = async () => {
    const tags = (Object.entries(draft) as Array<[RoutingTag, { source: TagSource; note: string }]>).map(([tag, v]) => ({ tag, source: v.source, note: v.note }));
    const d = await call('counter.tags.set', { token, filingId: detail.row.filingId, tags });
    if (d) onChange(d);
  };
  return (
    <section className="panel form" aria-labelledby="tags-title" data-testid="tags-panel">
      <h3 id="tags-title">
        分流标准 <small lang="en">Triage criteria</small>
      </h3>
      <p className="hint">
        逐项核实本院分流规则的标准，勾选适用的项目并注明信息来源。<span lang="en">Tick each criterion that applies and say where you learned it.</span>
      </p>
      <ul className="tag-criteria">
        {criteria.map((c) => {
          const v = draft[c.tag];
          return (
            <li key={c.tag} data-testid={`tag-${c.tag}`}>
              <label>
                <input
                  type="checkbox"
                  checked={!!v}
                  disabled={done}
                  onChange={(e) => setDraft((d) => {
                    const next = { ...d };
                    if (e.target.checked) next[c.tag] = { source: 'counter-check', note: '' };
                    else delete next[c.tag];
                    return next;
                  })}
                  data-testid="tag-check"
                />
                <strong>{c.label_zh}</strong> <small lang="en">{c.label_en}</small>
              </label>
              <span className="hint">
                {' '}→ {[...new Set(c.rules.map((r) => r.team_zh))].join('、')}（依据：{[...new Set(c.rules.map((r) => citeSource(r.source).zh))].join('；')}）
              </span>
              {v && (
                <div className="tag-source">
                  <select value={v.source} disabled={done} onChange={(e) => setDraft((d) => ({ ...d, [c.tag]: { ...v, source: e.target.value as TagSource } }))} aria-label="信息来源 Source" data-testid="tag-source">
                    {TAG_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {TAG_SOURCE_LABELS[s].zh} / {TAG_SOURCE_LABELS[s].en}
                      </option>
                    ))}
                  </select>
                  <input value={v.note} disabled={done} maxLength={200} onChange={(e) => setDraft((d) => ({ ...d, [c.tag]: { ...v, note: e.target.value } }))} placeholder="说明（如查询结果、页码） Note" aria-label="说明 Note" data-testid="tag-note" />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {!done && (
        <button type="button" className="secondary small" onClick={() => void save()} data-testid="tags-save">
          保存分流标准 <small lang="en">Save the criteria</small>
        </button>
      )}
      {detail.tags && (
        <p className="hint" data-testid="tags-recorded">
          已记录：{detail.tags.tags.length ? detail.tags.tags.map((t) => `${criteria.find((c) => c.tag === t.tag)?.label_zh ?? t.tag}（${TAG_SOURCE_LABELS[t.source].zh}${t.note ? `：${t.note}` : ''}）`).join('、') : '均不适用'} · {detail.tags.by} {chinaTime(detail.tags.at)}
        </p>
      )}
    </section>
  );
}
