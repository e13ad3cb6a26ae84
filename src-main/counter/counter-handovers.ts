/**
 * The counter's side of a hand-over: the clerk types the applicant's code, sees a summary with
 * the rules engine's findings, and files it as a normal filing (provisional number, outbox,
 * sync) with the applicant record read from the card at the kiosk. Wrong codes are counted per
 * clerk session and lock that session out of hand-overs for a while: the code is short.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { FilingService } from '../filings/filing-service.js';
import { AppError } from '../../src-shared/api/errors.js';
import { maskIdNumber } from '../../src-shared/domain/masking.js';
import type { FilingView } from '../../src-shared/domain/filing.js';
import type { HandoverSummary } from '../../src-shared/counter/contract.js';
import { appendAudit } from '../audit/audit-log.js';
import { discardHandover, openHandover, type OpenedHandover } from '../filings/handover-store.js';
import type { ClerkSessions } from './accounts.js';

export interface HandoverDeps {
  filings: FilingService;
  /** The kiosk secret the codes' keys are derived with (the same as for drafts). */
  secret: string;
}

export const MAX_WRONG_CODES = 5;
export const LOCKOUT_MS = 5 * 60_000;

const NOT_ENABLED = new AppError('counter.handover.off', '本机未启用暂存申请接办', 'Hand-overs are not enabled on this kiosk');
const WRONG = new AppError('counter.handover.unknown', '暂存号码不正确或已过期，请核对申请人手中的号码后重新输入', 'The code is wrong or has expired; check it with the applicant');

export class CounterHandovers {
  private readonly wrong = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly d: { db: Db; now: () => Date; log: Logger; sessions: ClerkSessions; handover?: HandoverDeps },
  ) {}

  open(token: string, code: string): HandoverSummary {
    const { clerk, h, deps } = this.take(token, code);
    const { draft, applicant } = h.pkg;
    const docs = this.d.db.prepare('SELECT count(*) AS n FROM documents WHERE holder = ? AND filing_id IS NULL').get(h.holder) as { n: number };
    this.audit(clerk, 'counter.handover.opened', null);
    return {
      applicantName: applicant.name,
      applicantIdMasked: maskIdNumber(applicant.idNumber),
      basisNumber: draft.basisNumber,
      respondentNames: draft.respondents.map((r) => r.name),
      documents: docs.n,
      check: deps.filings.check(draft, applicant),
      createdAt: h.createdAt,
      expiresAt: h.expiresAt,
    };
  }

  submit(token: string, code: string): { filing: FilingView } {
    const { clerk, h, deps } = this.take(token, code);
    const filing = deps.filings.submit(h.pkg.draft, h.pkg.applicant, h.holder);
    discardHandover(this.d.db, h.codeHash);
    this.audit(clerk, 'counter.handover.filed', filing.id);
    this.d.log.info('counter.handover.filed', { filingId: filing.id, clerk: clerk.account });
    return { filing };
  }

  private take(token: string, code: string) {
    const clerk = this.d.sessions.require(token);
    const deps = this.d.handover;
    if (!deps) throw NOT_ENABLED;
    const now = this.d.now().getTime();
    const w = this.wrong.get(token);
    if (w && w.until > now) {
      const minutes = Math.ceil((w.until - now) / 60_000);
      throw new AppError('counter.handover.locked', `暂存号码输错次数过多，请 ${minutes} 分钟后再试`, `Too many wrong codes; try again in ${minutes} min`);
    }
    const h = openHandover(this.d.db, deps.secret, code, this.d.now());
    if (!h) {
      const count = (w?.count ?? 0) + 1;
      this.wrong.set(token, { count: count >= MAX_WRONG_CODES ? 0 : count, until: count >= MAX_WRONG_CODES ? now + LOCKOUT_MS : 0 });
      // The code itself is never logged: with the database it would open the package.
      this.d.log.warn('counter.handover.wrong-code', { clerk: clerk.account, attempt: count });
      this.audit(clerk, 'counter.handover.wrong-code', null);
      throw WRONG;
    }
    this.wrong.delete(token);
    return { clerk, h: h as OpenedHandover, deps };
  }

  private audit(clerk: { account: string }, action: string, subject: string | null): void {
    appendAudit(this.d.db, { at: this.d.now().toISOString(), actor: `clerk:${clerk.account}`, action, subject, details: {} });
  }
}
