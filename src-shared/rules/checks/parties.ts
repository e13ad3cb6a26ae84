/**
 * Party data (seed 001 art. 6): complete and checkable identity numbers, addresses and
 * contacts; where an agent files, both agent and principal with their own address and
 * contact; for money claims, the payee account.
 */
import { validateIdNumber } from '../../identity/id-number.js';
import { validateUscc } from '../../identity/uscc.js';
import type { RuleContext } from '../context.js';
import type { Party } from '../filing-facts.js';
import { finding, type Finding, type Severity } from '../finding.js';
import type { RuleDef } from './rule.js';
import { formatYuan, LARGE_AMOUNT_FEN } from '../../domain/money.js';

const SRC = 'seed 001 art. 6';
const IMPLEMENTATION_KINDS = ['first', 'preservation', 'resumed'];

interface Role {
  zh: string;
  en: string;
  path: string;
  /** Severity when the ID number, address or phone is missing. */
  missing: Severity;
}

const squash = (s: string | undefined): string => (s ?? '').replace(/[\s\-－—()（）]/gu, '');

function idFindings(p: Party, role: Role, now: Date): Finding[] {
  const type = p.idType ?? (p.kind === 'person' ? 'resident-id' : 'uscc');
  const path = `${role.path}.idNumber`;
  if (!p.idNumber) {
    const what = type === 'uscc' ? ['统一社会信用代码', 'unified social credit code'] : ['证件号码', 'ID number'];
    return [finding('party.id-missing', role.missing, `请填写${role.zh}的${what[0]}`, `Give the ${role.en}'s ${what[1]}`, SRC, path)];
  }
  if (type === 'resident-id') {
    const r = validateIdNumber(p.idNumber, { now });
    return r.ok ? [] : [finding('party.id-number', 'block', `${role.zh}：${r.message_zh}`, `${role.en}: ${r.message_en}`, 'GB 11643-1999; seed 001 art. 6', path)];
  }
  if (type === 'uscc') {
    const r = validateUscc(p.idNumber);
    return r.ok ? [] : [finding('party.uscc', 'block', `${role.zh}：${r.message_zh}`, `${role.en}: ${r.message_en}`, 'GB 32100-2015; seed 001 art. 6', path)];
  }
  return [];
}

/** Digits with the usual separators; letters or other signs are no phone number at all. */
const isPhoneShaped = (phone: string): boolean => /^[+＋]?[\d０-９\s\-－—()（）]+$/u.test(phone.trim()) && /\d|[０-９]/u.test(phone);

function notAPhone(role: Role): Finding {
  return finding('party.phone', 'block', `${role.zh}的联系电话只能填数字，例如 13900000000；不知道可以不填`, `The ${role.en}'s phone number may only contain digits, e.g. 13900000000; leave it empty if unknown`, SRC, `${role.path}.phone`);
}

function contactFindings(p: Party, role: Role): Finding[] {
  const out: Finding[] = [];
  if (!p.address) out.push(finding('party.address', role.missing, `请填写${role.zh}的送达地址`, `Give the ${role.en}'s service address`, SRC, `${role.path}.address`));
  if (!p.phone) out.push(finding('party.phone', role.missing, `请填写${role.zh}的联系电话`, `Give the ${role.en}'s phone number`, SRC, `${role.path}.phone`));
  else if (!isPhoneShaped(p.phone)) out.push(notAPhone(role));
  else if (!/^(1[3-9]\d{9}|0\d{9,11}|\+?\d{6,15})$/.test(squash(p.phone))) {
    out.push(finding('party.phone', 'warn', `${role.zh}的联系电话格式不像有效号码，请核对`, `The ${role.en}'s phone number does not look valid`, SRC, `${role.path}.phone`));
  }
  return out;
}

function partyFindings(p: Party, role: Role, now: Date, withContact: boolean): Finding[] {
  const out: Finding[] = [];
  if (!p.name) out.push(finding('party.name', 'block', `请填写${role.zh}的姓名或名称`, `Give the ${role.en}'s name`, SRC, `${role.path}.name`));
  out.push(...idFindings(p, role, now));
  if (withContact) out.push(...contactFindings(p, role));
  return out;
}

function agentSubstitution(ctx: RuleContext): Finding[] {
  const agent = ctx.facts.agent;
  if (!agent) return [];
  const out: Finding[] = [];
  ctx.facts.applicants.forEach((a, i) => {
    const path = `applicants.${i}`;
    if (a.phone && agent.phone && squash(a.phone) === squash(agent.phone)) {
      out.push(finding('agent.substitution', 'block', `申请执行人${i + 1}的联系电话与代理人相同：不能以代理人信息代替委托人信息，请填写委托人本人的有效联系方式`, `Applicant ${i + 1} has the agent's phone: the agent's data may not stand in for the principal's`, SRC, `${path}.phone`));
    }
    if (a.address && agent.address && squash(a.address) === squash(agent.address)) {
      out.push(finding('agent.substitution', 'warn', `申请执行人${i + 1}的送达地址与代理人相同，请确认是委托人本人的真实送达地址`, `Applicant ${i + 1} has the agent's address; confirm it is the principal's real address`, SRC, `${path}.address`));
    }
  });
  return out;
}

export const PARTY_RULES: readonly RuleDef[] = [
  {
    id: 'parties.applicants',
    source: SRC,
    summary_en: 'each applicant has name, valid ID number (GB 11643) or USCC (GB 32100), address and contact',
    run(ctx) {
      const a = ctx.facts.applicants;
      if (a.length === 0) return [finding('parties.applicants', 'block', '请填写申请人信息', 'Give the applicant', SRC, 'applicants')];
      return a.flatMap((p, i) => partyFindings(p, { zh: `申请人${a.length > 1 ? i + 1 : ''}`, en: `applicant ${i + 1}`, path: `applicants.${i}`, missing: 'block' }, ctx.now, true));
    },
  },
  {
    id: 'parties.agent',
    source: SRC,
    summary_en: 'an agent gives their own identity, address and contact, and never stands in for the principal',
    run(ctx) {
      const agent = ctx.facts.agent;
      if (!agent) return [];
      return [...partyFindings(agent, { zh: '委托代理人', en: 'agent', path: 'agent', missing: 'block' }, ctx.now, true), ...agentSubstitution(ctx)];
    },
  },
  {
    id: 'parties.respondents',
    source: SRC,
    summary_en: 'respondents are named; their numbers, when given, must be valid',
    run(ctx) {
      const r = ctx.facts.respondents;
      const needed = IMPLEMENTATION_KINDS.includes(ctx.facts.application.kind);
      if (r.length === 0) return needed ? [finding('parties.respondents', 'block', '请至少填写一个被执行人', 'Give at least one respondent', SRC, 'respondents')] : [];
      return r.flatMap((p, i) => {
        const role: Role = { zh: `被执行人${r.length > 1 ? i + 1 : ''}`, en: `respondent ${i + 1}`, path: `respondents.${i}`, missing: 'warn' };
        const out = partyFindings(p, role, ctx.now, false);
        if (p.phone && !isPhoneShaped(p.phone)) out.push(notAPhone(role));
        if (!p.address) out.push(finding('party.address', 'warn', `请尽量填写${role.zh}的住所地或经常居住地`, `Give the ${role.en}'s address if known`, SRC, `${role.path}.address`));
        return out;
      });
    },
  },
  {
    id: 'claim.amount',
    source: 'seed 002 art. 7(一)',
    summary_en: 'an implementation filing states its claim; money claims an amount in fen above zero',
    run(ctx) {
      if (!IMPLEMENTATION_KINDS.includes(ctx.facts.application.kind) || ctx.facts.application.kind === 'preservation') return [];
      const c = ctx.facts.claim;
      if (!c) return [finding('claim.amount', 'block', '请填写申请执行的标的（金额或具体行为）', 'State what is to be enforced (amount or act)', 'seed 002 art. 7(一)', 'claim')];
      if (c.kind === 'non-money') return [];
      if (c.amountFen === undefined) return [finding('claim.amount', 'block', '请填写申请执行金额', 'Give the amount claimed', 'seed 002 art. 7(一)', 'claim.amountFen')];
      if (c.amountFen === 0) {
        return [finding('claim.amount', 'block', '扣除已履行的部分后，没有可以申请执行的金额。对方已经全部付清的，不需要申请执行；还没付清的，请核对已履行金额', 'After what was already paid there is nothing left to claim. If the respondent paid everything, no enforcement is needed; if not, check the amount already paid', 'seed 002 art. 7(一)', 'performed.amountYuan')];
      }
      if (c.amountFen >= LARGE_AMOUNT_FEN) {
        return [finding('claim.amount-large', 'warn', `申请执行金额是 ${formatYuan(c.amountFen)} 元，超过一亿元。请再核对一遍：是不是多输了数字？`, `The amount claimed is ${formatYuan(c.amountFen)} yuan, over one hundred million. Please check it: is there a digit too many?`, 'seed 002 art. 7(一)', 'claim.amountFen')];
      }
      return [];
    },
  },
  {
    id: 'payee.account',
    source: 'seed 001 art. 6',
    summary_en: 'money claims give the payee account, specially marked',
    run(ctx) {
      const c = ctx.facts.claim;
      if (!c || c.kind === 'non-money' || !IMPLEMENTATION_KINDS.includes(ctx.facts.application.kind)) return [];
      const acc = ctx.facts.payeeAccount;
      if (!acc) return [finding('payee.account', 'block', '金钱给付案件须填写收款账户（户名、开户行、账号）', 'Money claims need the payee account (name, bank, number)', SRC, 'payeeAccount')];
      const out: Finding[] = [];
      if (!acc.accountName || !acc.bank) out.push(finding('payee.account', 'block', '请填写收款账户的户名和开户行', 'Give the account name and bank', SRC, 'payeeAccount'));
      if (!/^\d{8,32}$/.test(squash(acc.accountNumber))) out.push(finding('payee.account', 'block', '收款账号应为8至32位数字，请核对', 'The account number should be 8 to 32 digits', SRC, 'payeeAccount.accountNumber'));
      if (acc.accountName && !ctx.facts.applicants.some((a) => squash(a.name) === squash(acc.accountName))) {
        out.push(finding('payee.account-holder', 'warn', '收款账户户名与申请执行人不一致：须有特别授权，请工作人员核实', 'The account holder is not an applicant: needs a special authorisation; staff must check', SRC, 'payeeAccount.accountName'));
      }
      return out;
    },
  },
];
