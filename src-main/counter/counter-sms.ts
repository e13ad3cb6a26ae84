/**
 * The counter's progress-SMS handlers: any signed-in clerk reads a case's messages and the
 * monitoring list; only a team leader or an administrator changes the court's templates.
 */
import type { ApiHandlers } from '../../src-shared/api/contract.js';
import type { ClerkSessions } from './accounts.js';
import type { CentralSms } from './central-sms.js';
import { templateProblem } from '../../src-shared/sms/sms-events.js';
import { AppError } from '../../src-shared/api/errors.js';

export type SmsCounterHandlers = Pick<ApiHandlers, 'counter.sms.history' | 'counter.sms.silent' | 'counter.sms.templates' | 'counter.sms.saveTemplates'>;

export function smsCounterHandlers(d: { sessions: ClerkSessions; court: string; central: CentralSms }): SmsCounterHandlers {
  return {
    'counter.sms.history': ({ token, filingId }) => {
      d.sessions.require(token);
      return d.central.history(filingId);
    },
    'counter.sms.silent': ({ token, days }) => {
      d.sessions.require(token);
      return d.central.silent(d.court, days);
    },
    'counter.sms.templates': ({ token }) => {
      d.sessions.require(token);
      return d.central.templates(d.court);
    },
    'counter.sms.saveTemplates': ({ token, templates }) => {
      d.sessions.require(token, ['leader', 'admin']);
      for (const t of templates) {
        const p = templateProblem(t.template);
        if (p) throw new AppError('counter.sms.bad-template', p.message_zh, p.message_en);
      }
      return d.central.saveTemplates(d.court, templates);
    },
  };
}
