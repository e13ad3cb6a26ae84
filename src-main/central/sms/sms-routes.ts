/**
 * Court-side SMS routes: the court's templates and which events send (IT staff or the court's
 * counter), a case's messages for its history (phones masked), and the monitoring list of
 * cases whose applicant was not told of a change within N days (seed 004 group 7 item 10).
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../../log/logger.js';
import { HttpError, parseJson } from '../../http/http-util.js';
import { readCourt, type CourtScope } from '../court-auth.js';
import type { CentralStore } from '../store.js';
import { SMS_HISTORY_PATH, SMS_SILENT_PATH, SMS_TEMPLATES_PATH, smsTemplatesPutSchema, type SmsSilentResponse, type SmsTemplatesResponse } from '../../../src-shared/sync/sms.js';
import type { SmsHistoryEntry } from '../../../src-shared/sync/sms.js';
import { templateProblem } from '../../../src-shared/sms/sms-events.js';

export interface SmsRouteDeps {
  store: CentralStore;
  log: Logger;
  now: () => Date;
}

const MAX_DAYS = 365;

export function smsRoutes(d: SmsRouteDeps) {
  return async (scope: CourtScope, req: IncomingMessage, url: URL, body: Buffer): Promise<SmsTemplatesResponse | SmsSilentResponse | { number: string; messages: SmsHistoryEntry[] } | null> => {
    const path = url.pathname;
    if (path === SMS_TEMPLATES_PATH) {
      const court = readCourt(scope, url.searchParams.get('court'));
      if (req.method === 'PUT') {
        const parsed = smsTemplatesPutSchema.safeParse(parseJson(body));
        if (!parsed.success) {
          const bad = (parseJson(body) as { templates?: { template?: unknown }[] } | null)?.templates?.find((t) => typeof t?.template === 'string' && templateProblem(t.template));
          const p = bad && typeof bad.template === 'string' ? templateProblem(bad.template) : null;
          throw new HttpError(400, 'bad-sms-template', p?.message_zh ?? '短信模板格式错误', p?.message_en ?? `Malformed templates: ${parsed.error.issues[0]?.message ?? ''}`);
        }
        for (const t of parsed.data.templates) await d.store.sms.putTemplate(court, t, scope.name, d.now());
        d.log.info('central.sms.templates', { court, events: parsed.data.templates.map((t) => `${t.event}:${t.enabled ? 'on' : 'off'}`), by: scope.name });
      } else if (req.method !== 'GET') throw new HttpError(405, 'method', '不支持的请求', 'GET or PUT only');
      return { court, templates: await d.store.sms.templates(court) };
    }
    if (path === SMS_HISTORY_PATH && req.method === 'GET') {
      const number = url.searchParams.get('number') ?? '';
      const messages = number ? await d.store.sms.history(number, scope.court ?? undefined) : null;
      if (!messages) throw new HttpError(404, 'case-not-found', '法院系统中没有本院的这件案件', 'No such case of this court');
      return { number, messages };
    }
    if (path === SMS_SILENT_PATH && req.method === 'GET') {
      const court = readCourt(scope, url.searchParams.get('court'));
      const days = Number(url.searchParams.get('days') ?? 3);
      if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) throw new HttpError(400, 'bad-request', `天数应为0到${MAX_DAYS}之间的整数`, `days must be an integer 0..${MAX_DAYS}`);
      return { court, days, cases: await d.store.sms.silentCases(court, days, d.now()) };
    }
    return null;
  };
}
