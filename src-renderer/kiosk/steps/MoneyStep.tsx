import { formatYuan } from '../../../src-shared/domain/money.js';
import { chinaDate } from '../../../src-shared/calendar/work-calendar.js';
import { Check, Choice, TextField, useL } from '../../ui/fields.js';
import { DateField, dateWords } from '../../ui/DatePicker.js';
import { COMMON_BANKS, QuickPicks } from '../../ui/QuickPicks.js';
import type { Answers } from '../wizard/answers.js';
import { PROPERTY_CLUE_LABEL } from '../../../src-shared/counter/property-clues.js';
import { PROPERTY_CLUE_KINDS } from '../../../src-shared/domain/filing.js';
import type { StepProps } from './step-props.js';

const CLUE_KINDS: ReadonlyArray<{ value: Answers['clues'][number]['kind']; zh: string; en: string }> = PROPERTY_CLUE_KINDS.map((value) => ({ value, ...PROPERTY_CLUE_LABEL[value] }));

/** What is owed (integer fen in the services), what was already performed (001:7), the payee
 * account (001:6) and the optional property clues (财产线索调查表). */
export function MoneyStep({ a, set, check, card }: StepProps) {
  const l = useL();
  const money = check?.money;
  const clue = (i: number, description: string) => set({ clues: a.clues.map((c, j) => (j === i ? { ...c, description } : c)) });
  return (
    <div className="stack">
      <TextField id="principal" label={l('本金（元）', 'Principal (yuan)')} value={a.principalYuan} onChange={(v) => set({ principalYuan: v })} keyboard="amount" errorKey="amountYuan" required />
      <Check id="interest-on" checked={a.interestOn} onChange={(v) => set({ interestOn: v })}>
        {l('文书判决了利息', 'The document grants interest')}
      </Check>
      {a.interestOn && (
        <div className="grid2">
          <TextField id="interest-base" label={l('计息本金（元，默认同本金）', 'Interest base (yuan)')} value={a.interestBase} onChange={(v) => set({ interestBase: v })} keyboard="amount" errorKey="interest.baseYuan" />
          <TextField id="interest-rate" label={l('年利率（%）', 'Yearly rate (%)')} value={a.interestRate} onChange={(v) => set({ interestRate: v })} keyboard="rate" errorKey="interest.ratePercent" />
          <DateField id="interest-from" label={l('起算日', 'From')} value={a.interestFrom} onChange={(v) => set({ interestFrom: v })} errorKey="interest.from" />
          <Choice
            name="interest-until"
            legend={l('利息计算到', 'Interest runs')}
            value={a.interestUntilPaid ? 'paid' : 'date'}
            onChange={(v) => set({ interestUntilPaid: v === 'paid' })}
            options={[
              { value: 'paid', label: l('至实际清偿之日止', 'until actually paid'), hint: l('判决书上常这样写：还清为止', 'as most judgments say') },
              { value: 'date', label: l('到某一天为止', 'until a given day') },
            ]}
          />
          {!a.interestUntilPaid && <DateField id="interest-to" label={l('计算至', 'Until')} value={a.interestTo} onChange={(v) => set({ interestTo: v })} errorKey="interest.to" />}
          {a.interestUntilPaid && money && (
            <p className="notice" data-testid="interest-running" aria-live="polite">
              {l(
                `算到今天（${dateWords(chinaDate(new Date()), 'zh')}）利息为 ¥ ${formatYuan(money.interestFen)}。利息还会每天继续计算，直到对方实际还清为止。`,
                `Interest to today (${dateWords(chinaDate(new Date()), 'en')}): ¥ ${formatYuan(money.interestFen)}. It keeps running every day until the debt is actually paid.`,
              )}
            </p>
          )}
        </div>
      )}
      <TextField id="costs" label={l('诉讼费等费用（元，可不填）', 'Costs (yuan, optional)')}  value={a.costsYuan} onChange={(v) => set({ costsYuan: v })} keyboard="amount" errorKey="costsYuan" />
      <Choice
        name="performed"
        legend={l('申请前对方已经还了多少？', 'What did the respondent already pay?')}
        value={a.performed}
        onChange={(performed) => set({ performed })}
        options={[
          { value: 'none', label: l('一分没还', 'Nothing') },
          { value: 'part', label: l('还了一部分', 'Part of it') },
          { value: 'full', label: l('已经全部履行', 'All of it') },
        ]}
      />
      {a.performed === 'part' && <TextField id="performed-amount" label={l('已还金额（元）', 'Amount already paid (yuan)')} value={a.performedYuan} onChange={(v) => set({ performedYuan: v })} keyboard="amount" errorKey="performed.amountYuan" />}
      {money && (
        <p className="total" data-testid="money-total" aria-live="polite">
          {l('申请执行总额', 'Total claimed')}：¥ {formatYuan(money.totalFen)}
          {money.interestFen > 0 && <small> （{l('含利息', 'incl. interest')} ¥ {formatYuan(money.interestFen)}）</small>}
        </p>
      )}
      <section className="panel inner payee" aria-labelledby="payee-title">
        <h3 id="payee-title">{l('★ 收款账户（执行款打入此账户）', '★ Account to receive the money')}</h3>
        <QuickPicks legend={l('收款人是', 'The money goes to')} options={[a.filer === 'agent' ? a.principal.name : a.filer === 'company' ? a.company.name : (card?.name ?? '')].filter((n) => n.trim() !== '')} onPick={(payeeName) => set({ payeeName })} testId="payee-name-picks" />
        <QuickPicks legend={l('常用银行', 'Common banks')} options={COMMON_BANKS} onPick={(payeeBank) => set({ payeeBank })} testId="payee-bank-picks" />
        <div className="grid2">
          <TextField id="payee-name" label={l('户名', 'Account holder')} value={a.payeeName} onChange={(v) => set({ payeeName: v })} errorKey="payeeAccount.accountName" required />
          <TextField id="payee-bank" label={l('开户银行', 'Bank')} value={a.payeeBank} onChange={(v) => set({ payeeBank: v })} errorKey="payeeAccount.bank" required />
          <TextField id="payee-account" label={l('账号', 'Account number')} value={a.payeeAccount} onChange={(v) => set({ payeeAccount: v })} keyboard="digits" errorKey="payeeAccount.accountNumber" required />
        </div>
      </section>
      <section className="panel inner" aria-labelledby="clues-title">
        <h3 id="clues-title">{l('财产线索（可不填）', 'Property clues (optional)')}</h3>
        <p className="hint">{l('您知道对方有哪些财产？线索越具体，执行越快。', 'What property does the respondent have? Concrete clues speed enforcement.')}</p>
        <div className="chips">
          {CLUE_KINDS.map((k) => (
            <button key={k.value} type="button" className="secondary" onClick={() => set({ clues: [...a.clues, { kind: k.value, description: '' }] })} disabled={a.clues.length >= 20}>
              + {l(k.zh, k.en)}
            </button>
          ))}
        </div>
        {a.clues.map((c, i) => {
          const k = CLUE_KINDS.find((x) => x.value === c.kind);
          return (
            <div key={i} className="clue">
              <TextField id={`clue-${i}`} label={`${l(k?.zh ?? '', k?.en ?? '')} ${i + 1}`} value={c.description} onChange={(v) => clue(i, v)} />
              <button type="button" className="secondary" onClick={() => set({ clues: a.clues.filter((_, j) => j !== i) })}>
                {l('删除', 'Remove')}
              </button>
            </div>
          );
        })}
      </section>
    </div>
  );
}
