/** The contract's `counter.*` handlers: each one a thin call into the counter service. */
import type { ApiHandlers } from '../../src-shared/api/contract.js';
import type { CounterMethod } from '../../src-shared/counter/contract.js';
import type { CounterService } from './counter-service.js';

export type CounterHandlers = Pick<ApiHandlers, CounterMethod>;

export function counterHandlers(s: CounterService): CounterHandlers {
  return {
    'counter.signIn': ({ account, password }) => s.sessions.signIn(account, password),
    'counter.signOut': ({ token }) => {
      s.sessions.signOut(token);
      return null;
    },
    'counter.queue': ({ token, query, filter }) => s.queue(token, query, filter),
    'counter.case': ({ token, filingId }) => s.detail(token, filingId),
    'counter.document': ({ token, id, filingId }) => s.document(token, id, filingId),
    'counter.verify': ({ token, filingId, field, verdict, correctedValue, reason, effectiveDate }) => s.verify(token, filingId, field, verdict, correctedValue, reason, effectiveDate),
    'counter.reception.save': ({ token, filingId, record, newVersion }) => s.saveReception(token, filingId, record, newVersion ?? false),
    'counter.reception.print': ({ token, filingId }) => s.printReception(token, filingId),
    'counter.reception.attachScan': ({ token, filingId, dataUrl }) => s.attachScan(token, filingId, dataUrl),
    'counter.noReception': ({ token, filingId, reason }) => s.noReception(token, filingId, reason),
    'counter.triage.decide': ({ token, filingId, decision, team, reason }) => s.triage(token, filingId, decision, team, reason),
    'counter.triage.convert': ({ token, filingId, event, reason, approvals }) => s.convert(token, filingId, event, reason, approvals),
    'counter.tags.set': ({ token, filingId, tags }) => s.setTags(token, filingId, tags),
    'counter.stage.move': ({ token, filingId, exit, approvals, reason }) => s.moveStage(token, filingId, exit, approvals, reason),
    'counter.return': ({ token, filingId, reasons }) => s.returnFiling(token, filingId, reasons),
    'counter.done': ({ token, filingId }) => s.done(token, filingId),
    'counter.register.csv': ({ token, from, to }) => s.register(token, from, to),
    'counter.preEnforcement': ({ token, filingId, event, paid }) => s.preEnforcement(token, filingId, event, paid),
    'counter.notice.draft': ({ token, filingId, kind }) => s.notice(token, filingId, kind),
    'counter.notice.issue': ({ token, filingId, kind }) => s.notice(token, filingId, kind, true),
    'counter.related': ({ token, filingId }) => s.related(token, filingId),
    'counter.propertyClueForm': ({ token, filingId }) => s.propertyClueForm(token, filingId),
    'counter.handover.open': ({ token, code }) => s.handovers.open(token, code),
    'counter.handover.submit': ({ token, code }) => s.handovers.submit(token, code),
    'counter.password.change': ({ token, current, next }) => s.sessions.changePassword(token, current, next),
    'counter.accounts.list': ({ token }) => s.accounts.list(token),
    'counter.accounts.manage': ({ token, change }) => s.accounts.manage(token, change),
    'counter.accounts.import': ({ token }) => s.accounts.importLocal(token),
    'counter.audit.list': ({ token, ...filter }) => s.accounts.audit(token, filter),
  };
}
