/**
 * Related-case search at filing (seed 001 art. 9): is the respondent the obligor in other
 * unfinished cases (guide toward bankruptcy), a creditor elsewhere, or the applicant a
 * respondent elsewhere (tell the enforcement department)? Only the central sees all cases of
 * the court, so the search runs there (GET /v1/court/related, court API token); offline the
 * clerk is told plainly that no search was made. Only the filing's id goes over the wire: the
 * central searches for the parties of the record it holds, never for names a terminal sends.
 */
import type { RelatedCases } from '../../src-shared/counter/contract.js';
import type { Logger } from '../log/logger.js';
import type { LoadedFiling } from './queue.js';

const OFFLINE = '法院中心系统暂不可达，本次未能进行关联案件检索。请在网络恢复后重试，或在法院办案系统中人工检索。';

export function relatedSearch(opts: { centralUrl: () => string | null; token: () => string | null; log: Logger }) {
  return async (f: LoadedFiling): Promise<RelatedCases> => {
    const url = opts.centralUrl();
    const token = opts.token();
    if (!url || !token) return { online: false, message_zh: '本终端未配置法院中心系统或其访问凭据，无法进行关联案件检索', cases: [] };
    const q = new URLSearchParams({ court: f.record.courtCode, filing: f.row.filingId });
    try {
      const res = await fetch(`${url.replace(/\/$/, '')}/v1/court/related?${q.toString()}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(8_000) });
      if (res.status === 404) return { online: true, message_zh: '这件申请尚未同步到法院中心系统，暂不能检索关联案件；同步后再试，或在法院办案系统中人工检索', cases: [] };
      if (!res.ok) return { online: true, message_zh: `关联案件检索失败（${res.status}），请稍后再试`, cases: [] };
      const body = (await res.json()) as { cases?: RelatedCases['cases'] };
      const cases = body.cases ?? [];
      const asObligor = cases.filter((c) => c.role === 'respondent').length;
      const message_zh =
        cases.length === 0
          ? '未检索到关联案件'
          : `检索到 ${cases.length} 件关联案件${asObligor >= 3 ? '；被执行人涉及多件未结案件，可引导申请人申请破产（参照焦作山阳规定第9条）' : ''}`;
      return { online: true, message_zh, cases };
    } catch (e) {
      opts.log.info('counter.related.offline', { filingId: f.row.filingId, error: e instanceof Error ? e.name : 'error' });
      return { online: false, message_zh: OFFLINE, cases: [] };
    }
  };
}
