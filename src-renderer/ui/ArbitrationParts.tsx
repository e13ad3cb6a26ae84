/**
 * The arbitration side of the case-number composer: the commission chosen by city (the kiosk's
 * own city first, others by province), never by typing its abbreviation; then the way the award
 * prints its number, each way shown with the applicant's own year and commission so they can
 * match it against the paper.
 */
import { useState } from 'react';
import { ARBITRATION_FORMS, commissionsOf, formatArbitrationNumber, type ArbitrationForm, type Commission } from '../../src-shared/casenum/arbitration-number.js';
import { CITY_COURTS, PROVINCES, type CityCourts } from '../../src-shared/casenum/court-codes.js';
import { useL } from './fields.js';

type View = { at: 'near' } | { at: 'provinces' } | { at: 'province'; p: string } | { at: 'city'; c: CityCourts };

export function CommissionPicker({ homeCity, chosen, onPick, onCourts }: { homeCity: CityCourts | undefined; chosen: Commission | null; onPick(c: Commission): void; onCourts(): void }) {
  const l = useL();
  const [view, setView] = useState<View>(homeCity ? { at: 'city', c: homeCity } : { at: 'provinces' });
  const listed = PROVINCES.filter((p) => (CITY_COURTS[p.char] ?? []).length > 0);
  return (
    <>
      <p className="sheet-question">{l('是哪个仲裁委员会作出的？', 'Which arbitration commission made the award?')}</p>
      {view.at === 'city' && (
        <div className="sheet-grid wide" data-testid="composer-commissions">
          {commissionsOf(view.c).map((c) => (
            <button key={c.name} type="button" className={chosen?.name === c.name ? 'chosen' : ''} onClick={() => onPick(c)}>
              {c.name}
              <small>{c.body === 'labour' ? l('劳动争议、人事争议', 'labour and personnel disputes') : l('合同、借款等经济纠纷', 'contracts, loans and other disputes')}</small>
            </button>
          ))}
          <button type="button" onClick={() => setView({ at: 'provinces' })}>
            {l('其他城市的仲裁委员会（按省份找）', 'A commission in another city (by province)')}
          </button>
        </div>
      )}
      {view.at === 'provinces' && (
        <div className="sheet-grid" data-testid="composer-commission-provinces">
          {listed.map((p) => (
            <button key={p.char} type="button" onClick={() => setView({ at: 'province', p: p.char })}>
              {l(p.name_zh, p.name_en)}
            </button>
          ))}
        </div>
      )}
      {view.at === 'province' && (
        <div className="sheet-grid wide" data-testid="composer-commission-cities">
          {(CITY_COURTS[view.p] ?? []).map((c) => (
            <button key={c.code} type="button" onClick={() => setView({ at: 'city', c })}>
              {l(c.city_zh, c.city_en)}
            </button>
          ))}
        </div>
      )}
      {view.at !== 'city' && <p className="hint">{l('列表里没有的仲裁委员会，请在上面的输入框里照裁决书输入文号', 'A commission not listed: type the number from the award in the field above')}</p>}
      <div className="sheet-actions">
        {homeCity && (view.at !== 'city' || view.c !== homeCity) && (
          <button type="button" className="secondary" onClick={() => setView({ at: 'city', c: homeCity })}>
            {l('返回本市的仲裁委员会', 'Back to this city’s commissions')}
          </button>
        )}
        <button type="button" className="secondary" onClick={onCourts} data-testid="composer-back-to-courts">
          {l('不是仲裁，是法院的文书', 'Not arbitration: a court document')}
        </button>
      </div>
    </>
  );
}

export function FormPicker({ commission, year, chosen, onPick }: { commission: Commission; year: number | null; chosen: ArbitrationForm | null; onPick(f: ArbitrationForm): void }) {
  const l = useL();
  const sample = (f: ArbitrationForm) => formatArbitrationNumber({ abbr: commission.abbr, form: f, year: year ?? 2024, seq: 123 }).replace('123号', '…号');
  return (
    <>
      <p className="sheet-question">{l('裁决书上的文号是哪一种写法？', 'Which of these looks like the number on the award?')}</p>
      <div className="sheet-grid wide" data-testid="composer-arbitration-forms">
        {ARBITRATION_FORMS.filter((f) => f.body === commission.body).map((f) => (
          <button key={f.id} type="button" className={chosen?.id === f.id ? 'chosen' : ''} data-form={f.id} onClick={() => onPick(f)}>
            {sample(f)}
          </button>
        ))}
      </div>
    </>
  );
}
