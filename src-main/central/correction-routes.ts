/**
 * The court-side correction routes (src-shared/sync/case-correction.ts): a counter applies a
 * clerk's correction to the case, and reads a case's correction history. The court token says
 * which court's cases may be touched; the clerk's account, the reason and the old value go to
 * the history with the central's time. The clerk is the account of the clerk session sent with
 * the request (issued by the central at sign-in), else the court token's terminal name: never
 * the name in the body, which anyone holding the token could write. Corrected values are personal data: the log gets ids,
 * the field and codes only.
 */
import type { IncomingMessage } from 'node:http';
import type { Logger } from '../log/logger.js';
import { HttpError, parseJson } from '../http/http-util.js';
import { CORRECTIONS_PATH, caseCorrectionSchema, type CaseCorrectionResponse, type CaseCorrectionsResponse } from '../../src-shared/sync/case-correction.js';
import type { CentralStore } from './store.js';
import type { CourtScope } from './court-auth.js';
import type { ChangeNotifier } from './change-notifier.js';

export interface CorrectionRouteDeps {
  store: CentralStore;
  log: Logger;
  now: () => Date;
  notifier: ChangeNotifier;
  protocol: number;
  /** The account of the request's clerk session, as the central issued it; null without one. */
  clerkOf: (scope: CourtScope, req: IncomingMessage) => Promise<string | null>;
}

/** Answers the request when it is a correction route; null when it is not. */
export function correctionRoutes(d: CorrectionRouteDeps) {
  return async (scope: CourtScope, req: IncomingMessage, url: URL, body: Buffer): Promise<CaseCorrectionResponse | CaseCorrectionsResponse | null> => {
    if (url.pathname !== CORRECTIONS_PATH) return null;
    const court = scope.court ?? undefined;
    if (req.method === 'GET') {
      const number = url.searchParams.get('filing') ?? url.searchParams.get('number') ?? '';
      const held = number ? await d.store.caseCorrections(number, court) : null;
      if (!held) throw new HttpError(404, 'case-not-found', '法院系统中没有本院的这件案件', 'No such case of this court');
      return { protocol: d.protocol, officialNo: held.officialNo, corrected: held.corrected, history: held.history };
    }
    if (req.method !== 'POST') throw new HttpError(405, 'method', '不支持的请求', 'GET or POST only');
    const parsed = caseCorrectionSchema.safeParse(parseJson(body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      d.log.warn('central.correction.malformed', { path: issue?.path.join('.') });
      throw new HttpError(400, 'bad-correction', '更正内容不符合要求（金额、文号或日期格式不对）', `Malformed correction at ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
    }
    const clerk = (await d.clerkOf(scope, req)) ?? scope.name;
    const outcome = await d.store.correctCase({ ...parsed.data, clerk }, d.now(), court);
    if (!outcome.ok) throw new HttpError(outcome.code === 'case-not-found' ? 404 : 409, outcome.code, outcome.message_zh, outcome.message_en);
    if (outcome.change) d.notifier.notify(outcome.courtCode);
    d.log.info('central.case.corrected', { id: parsed.data.id, officialNo: outcome.officialNo, field: parsed.data.correction.field, status: outcome.status, version: outcome.change?.version ?? null });
    return { protocol: d.protocol, status: outcome.status, officialNo: outcome.officialNo, entry: outcome.entry, corrected: outcome.corrected };
  };
}
