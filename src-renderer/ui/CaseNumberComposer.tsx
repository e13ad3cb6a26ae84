/**
 * Builds a case number by touch: year, court (by province, city and name, never a code), the
 * kind of case in plain words, then the sequence on a number pad. The canonical form
 * （2024）豫0811民初123号 grows on screen as the applicant answers, and is checked by the same
 * parser the services use before it is handed back. A basis document may be an arbitration
 * award instead: then the commission is chosen by city and the award's own way of numbering
 * is picked from examples (ArbitrationParts), e.g. 焦仲案字〔2024〕123号.
 */
import { useEffect, useRef, useState } from 'react';
import type { KioskBridge } from '../../src-shared/api/contract.js';
import { chinaYear, FORMAT_SINCE_YEAR, MAX_SEQ, parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import { CITY_COURTS, courtCodeFromDigits, courtName, highCourt, PROVINCES, provinceOf, type CityCourts } from '../../src-shared/casenum/court-codes.js';
import { BASIS_TYPE_CHOICES, ENFORCEMENT_TYPE_CHOICES } from '../../src-shared/casenum/type-choices.js';
import { useL } from './fields.js';
import { useMsg } from './i18n.js';
import { NumberPad } from './NumberPad.js';
import { CommissionPicker, FormPicker } from './ArbitrationParts.js';
import { formatArbitrationNumber, readArbitrationNumber, commissionsOf, type ArbitrationBody, type ArbitrationForm, type Commission, type Issuer } from '../../src-shared/casenum/arbitration-number.js';
import './touch-input.css';

type Part = 'year' | 'court' | 'type' | 'seq';
type CourtView = { at: 'near' } | { at: 'provinces' } | { at: 'province'; p: string } | { at: 'city'; c: CityCourts } | { at: 'digits'; p: string; digits: string };

interface Props {
  id: string;
  /** What the number is for: a basis document takes trial codes, an earlier case enforcement codes. */
  kind: 'basis' | 'enforcement';
  title: string;
  value: string;
  /** `issuer`: who made the document, a court or an arbitration commission (of which kind). */
  onChange(canonical: string, issuer: Issuer): void;
  bridge: KioskBridge;
}

interface Draft {
  year: number | null;
  court: string;
  type: string;
  seq: string;
  /** Set when the number is an arbitration award's: then `court` and `type` are unused. */
  arb: { commission: Commission | null; form: ArbitrationForm | null } | null;
}

/** The commission of a number read back: the listed one with that abbreviation, else the abbreviation itself. */
function commissionOf(abbr: string, body: ArbitrationBody): Commission {
  const listed = Object.values(CITY_COURTS).flat().flatMap(commissionsOf).find((c) => c.abbr === abbr && c.body === body);
  return listed ?? { body, name: abbr, abbr };
}

function fromValue(value: string): Draft {
  const a = value.trim() ? readArbitrationNumber(value) : null;
  if (a) return { year: a.year, court: '', type: '', seq: String(a.seq), arb: { commission: commissionOf(a.abbr, a.form.body), form: a.form } };
  const r = value.trim() ? parseCaseNumber(value) : null;
  return r?.ok ? { year: r.value.year, court: r.value.courtCode, type: r.value.typeCode, seq: String(r.value.seq), arb: null } : { year: null, court: '', type: '', seq: '', arb: null };
}

export function CaseNumberComposer({ id, kind, title, value, onChange, bridge }: Props) {
  const l = useL();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="secondary compose-open" onClick={() => setOpen(true)} data-testid={`${id}-compose`} aria-haspopup="dialog">
        {l('点这里，一步一步选出案号', 'Tap here to build the number step by step')}
      </button>
      {open && (
        <ComposerSheet
          id={id}
          kind={kind}
          title={title}
          initial={fromValue(value)}
          bridge={bridge}
          onCancel={() => setOpen(false)}
          onDone={(canonical, issuer) => {
            onChange(canonical, issuer);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function ComposerSheet({ id, kind, title, initial, bridge, onCancel, onDone }: { id: string; kind: Props['kind']; title: string; initial: Draft; bridge: KioskBridge; onCancel(): void; onDone(c: string, issuer: Issuer): void }) {
  const l = useL();
  const msg = useMsg();
  const [d, setD] = useState<Draft>(initial);
  const [part, setPart] = useState<Part>(initial.year === null ? 'year' : 'seq');
  const [home, setHome] = useState<string | null>(null);
  const [courtView, setCourtView] = useState<CourtView>({ at: 'near' });
  const [moreYears, setMoreYears] = useState(false);
  const heading = useRef<HTMLHeadingElement | null>(null);

  useEffect(() => {
    heading.current?.focus();
    let live = true;
    void bridge['kiosk.info'](null).then((r) => live && r.ok && setHome(r.value.courtCode));
    return () => {
      live = false;
    };
  }, [bridge]);

  const nowYear = chinaYear(new Date());
  const years = Array.from({ length: moreYears ? 30 : 12 }, (_, i) => nowYear - i);
  const types = kind === 'basis' ? BASIS_TYPE_CHOICES : ENFORCEMENT_TYPE_CHOICES;
  const arb = d.arb;
  const text = `（${d.year ?? ''}）${d.court}${d.type}${d.seq}号`;
  const complete = d.year !== null && d.seq !== '' && (arb ? !!arb.commission && !!arb.form : d.court !== '' && d.type !== '');
  const arbNumber = complete && arb?.commission && arb.form && d.year !== null ? formatArbitrationNumber({ abbr: arb.commission.abbr, form: arb.form, year: d.year, seq: Number(d.seq) }) : null;
  const parsed = complete && !arb ? parseCaseNumber(text) : null;
  const done: { canonical: string; issuer: Issuer } | null = arbNumber && arb?.form ? { canonical: arbNumber, issuer: arb.form.body } : parsed?.ok ? { canonical: parsed.canonical, issuer: 'court' } : null;

  const up = (patch: Partial<Draft>, then?: Part) => {
    setD((cur) => ({ ...cur, ...patch }));
    if (then) setPart(then);
  };
  const pickCourt = (code: string) => {
    up({ court: code }, 'type');
    setCourtView({ at: 'near' });
  };
  const homeCity = home ? (CITY_COURTS[home.slice(0, 1)] ?? []).find((c) => c.courts.some((x) => x.code === home)) : undefined;
  const courtLabel = (code: string) => courtName(code) ?? code;

  const preview: Array<{ part: Part; shown: string; missing: boolean; label: string }> = arb
    ? [
        { part: 'year', shown: d.year === null ? '年份' : `〔${d.year}〕`, missing: d.year === null, label: l('年份', 'Year') },
        { part: 'court', shown: arb.commission?.name ?? '仲裁委员会', missing: !arb.commission, label: l('仲裁委员会', 'Arbitration commission') },
        { part: 'type', shown: arb.form?.word ?? '字号', missing: !arb.form, label: l('文号写法', 'Form of the number') },
        { part: 'seq', shown: d.seq ? `${d.seq}号` : '序号', missing: !d.seq, label: l('序号', 'Number') },
      ]
    : [
        { part: 'year', shown: `（${d.year ?? '年份'}）`, missing: d.year === null, label: l('年份', 'Year') },
        { part: 'court', shown: d.court || '法院', missing: !d.court, label: l('法院', 'Court') },
        { part: 'type', shown: d.type || '类型', missing: !d.type, label: l('案件类型', 'Kind of case') },
        { part: 'seq', shown: d.seq ? `${d.seq}号` : '序号', missing: !d.seq, label: l('序号', 'Number') },
      ];

  return (
    <div className="touch-sheet" data-testid={`${id}-composer`}>
      <div className="touch-sheet-panel" role="dialog" aria-modal="true" aria-labelledby={`${id}-composer-title`}>
        <h2 id={`${id}-composer-title`} ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="sheet-preview" aria-live="polite" data-testid={`${id}-composer-preview`}>
          {preview.map((p) => (
            <button key={p.part} type="button" className={`part${part === p.part ? ' current' : ''}${p.missing ? ' missing' : ''}`} title={p.label} aria-pressed={part === p.part} onClick={() => setPart(p.part)}>
              {p.shown}
            </button>
          ))}
        </div>
        {arbNumber && (
          <p className="sheet-ok" data-testid={`${id}-composer-number`}>
            {l('仲裁裁决书文号', 'Award number')}：{arbNumber}
          </p>
        )}

        {part === 'year' && (
          <>
            <p className="sheet-question">{l('文书上的案号是哪一年的？（括号里的四位数字）', 'Which year is in the brackets of the number?')}</p>
            <div className="sheet-grid" data-testid="composer-years">
              {years.map((y) => (
                <button key={y} type="button" className={d.year === y ? 'chosen' : ''} onClick={() => up({ year: y }, 'court')}>
                  {l(`${y}年`, String(y))}
                </button>
              ))}
              {!moreYears && (
                <button type="button" onClick={() => setMoreYears(true)}>
                  {l('更早的年份', 'Earlier years')}
                </button>
              )}
            </div>
            {moreYears && <p className="hint">{l(`${FORMAT_SINCE_YEAR}年以前的旧案号请交窗口工作人员核对`, `Numbers from before ${FORMAT_SINCE_YEAR} are checked by staff`)}</p>}
          </>
        )}

        {part === 'court' && arb && (
          <CommissionPicker
            homeCity={homeCity}
            chosen={arb.commission}
            onPick={(commission) => up({ arb: { commission, form: arb.form?.body === commission.body ? arb.form : null } }, 'type')}
            onCourts={() => up({ arb: null })}
          />
        )}
        {part === 'court' && !arb && (
          <>
            <p className="sheet-question">{l('是哪个法院作出的？', 'Which court issued it?')}</p>
            {courtView.at === 'near' && (
              <div className="sheet-grid wide" data-testid="composer-courts-near">
                {home && (
                  <button type="button" className={`home${d.court === home ? ' chosen' : ''}`} onClick={() => pickCourt(home)}>
                    {l('本院', 'This court')}
                    <small>{courtLabel(home)}</small>
                  </button>
                )}
                {homeCity?.courts
                  .filter((c) => c.code !== home)
                  .map((c) => (
                    <button key={c.code} type="button" className={d.court === c.code ? 'chosen' : ''} onClick={() => pickCourt(c.code)}>
                      {c.name}
                    </button>
                  ))}
                <button type="button" onClick={() => setCourtView({ at: 'provinces' })}>
                  {l('其他地方的法院（按省份找）', 'A court elsewhere (by province)')}
                </button>
                {kind === 'basis' && (
                  <button type="button" onClick={() => up({ arb: { commission: null, form: null }, court: '', type: '' })} data-testid="composer-arbitration">
                    {l('不是法院：仲裁委员会的裁决书', 'Not a court: an arbitration award')}
                  </button>
                )}
              </div>
            )}
            {courtView.at === 'provinces' && (
              <div className="sheet-grid" data-testid="composer-provinces">
                {PROVINCES.map((p) => (
                  <button key={p.char} type="button" onClick={() => setCourtView({ at: 'province', p: p.char })}>
                    {l(p.name_zh, p.name_en)}
                    <small>{p.char}</small>
                  </button>
                ))}
                <button type="button" onClick={() => pickCourt('最高法')}>
                  {l('最高人民法院', 'Supreme People’s Court')}
                </button>
              </div>
            )}
            {courtView.at === 'province' &&
              ((p) => (
                <div className="sheet-grid wide" data-testid="composer-cities">
                  <button type="button" onClick={() => pickCourt(p.char)}>
                    {highCourt(p).name}
                  </button>
                  {(CITY_COURTS[p.char] ?? []).map((c) => (
                    <button key={c.code} type="button" onClick={() => setCourtView({ at: 'city', c })}>
                      {l(c.city_zh, c.city_en)}
                      <small>{l('中级法院及所辖法院', 'intermediate and local courts')}</small>
                    </button>
                  ))}
                  <button type="button" onClick={() => setCourtView({ at: 'digits', p: p.char, digits: '' })}>
                    {l('列表里没有：照文书输入法院代字里的数字', 'Not listed: type the digits of the court code')}
                  </button>
                </div>
              ))(provinceOf(courtView.p) ?? PROVINCES[0]!)}
            {courtView.at === 'city' && (
              <div className="sheet-grid wide" data-testid="composer-city-courts">
                {courtView.c.courts.map((c) => (
                  <button key={c.code} type="button" className={d.court === c.code ? 'chosen' : ''} onClick={() => pickCourt(c.code)}>
                    {c.name}
                  </button>
                ))}
                <button type="button" onClick={() => setCourtView({ at: 'digits', p: courtView.c.code.slice(0, 1), digits: '' })}>
                  {l('列表里没有：照文书输入法院代字里的数字', 'Not listed: type the digits of the court code')}
                </button>
              </div>
            )}
            {courtView.at === 'digits' &&
              ((v) => {
                const code = courtCodeFromDigits(v.p, v.digits);
                return (
                  <>
                    <p className="hint">{l('法院代字是省份简称后面的数字，例如“豫0811”里的 0811', 'The digits after the province character, e.g. 0811 in the court code (豫0811)')}</p>
                    <p className="sheet-digits" data-testid="composer-court-digits">
                      {v.p}
                      {v.digits}
                    </p>
                    <NumberPad testId="composer-court-pad" onKey={(k) => v.digits.length < 4 && setCourtView({ ...v, digits: v.digits + k })} onDelete={() => setCourtView({ ...v, digits: v.digits.slice(0, -1) })} onClear={() => setCourtView({ ...v, digits: '' })} />
                    <div className="sheet-actions">
                      <button type="button" className="primary" disabled={!code} onClick={() => code && pickCourt(code)}>
                        {l('用这个法院代字', 'Use this court code')}
                      </button>
                    </div>
                  </>
                );
              })(courtView)}
            {courtView.at !== 'near' && (
              <div className="sheet-actions">
                <button type="button" className="secondary" onClick={() => setCourtView({ at: 'near' })}>
                  {l('返回常用法院', 'Back to nearby courts')}
                </button>
              </div>
            )}
          </>
        )}

        {part === 'type' && arb?.commission && <FormPicker commission={arb.commission} year={d.year} chosen={arb.form} onPick={(form) => up({ arb: { ...arb, form } }, 'seq')} />}
        {part === 'type' && arb && !arb.commission && <p className="sheet-question">{l('请先选仲裁委员会', 'Choose the commission first')}</p>}
        {part === 'type' && !arb && (
          <>
            <p className="sheet-question">{kind === 'basis' ? l('是什么案件？（看案号里法院后面的字）', 'What kind of case? (the characters after the court)') : l('原来的执行案件是哪一类？', 'What kind of enforcement case was it?')}</p>
            <div className="sheet-grid wide" data-testid="composer-types">
              {types.map((t) => (
                <button key={t.code} type="button" className={d.type === t.code ? 'chosen' : ''} data-code={t.code} onClick={() => up({ type: t.code }, 'seq')}>
                  {t.code}
                  <small>{l(t.zh, t.en)}</small>
                </button>
              ))}
            </div>
          </>
        )}

        {part === 'seq' && (
          <>
            <p className="sheet-question">{l('“号”字前面的数字是多少？', 'What is the sequence number, just before the last character (号)?')}</p>
            <NumberPad
              testId="composer-seq-pad"
              onKey={(k) => {
                const next = (d.seq + k).replace(/^0+/, '');
                if (next && Number(next) <= MAX_SEQ) up({ seq: next });
              }}
              onDelete={() => up({ seq: d.seq.slice(0, -1) })}
              onClear={() => up({ seq: '' })}
            />
          </>
        )}

        {parsed && !parsed.ok && (
          <p className="sheet-error" role="alert">
            {msg(parsed)}
          </p>
        )}
        {done && (
          <p className="sheet-ok">
            {arb ? l('文号已完整，请与裁决书核对后点“完成”', 'The number is complete; check it against the award and tap Done') : l('案号已完整，请与文书核对后点“完成”', 'The number is complete; check it against the document and tap Done')}
          </p>
        )}
        <div className="sheet-actions">
          <button type="button" className="secondary" onClick={onCancel} data-testid="composer-cancel">
            {l('取消', 'Cancel')}
          </button>
          <button type="button" className="primary" disabled={!done} onClick={() => done && onDone(done.canonical, done.issuer)} data-testid="composer-done">
            {l('完成', 'Done')}
          </button>
        </div>
      </div>
    </div>
  );
}
