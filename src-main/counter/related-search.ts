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

const OFFLINE = {
  message_zh: '法院中心系统暂不可达，本次未能进行关联案件检索。请在网络恢复后重试，或在法院办案系统中人工检索。',
  message_en: 'The court system cannot be reached: no related-case search was made. Try again when the network is back, or search in the court case system.',
};

/** The central's answer as it came (cases, `searchedAt` when it searched); the court's rules are applied by the service. */
export function relatedSearch(opts: { centralUrl: () => string | null; token: () => string | null; log: Logger }) {
  return async (f: LoadedFiling): Promise<RelatedCases> => {
    const url = opts.centralUrl();
    const token = opts.token();
    if (!url || !token) return { online: false, message_zh: '本终端未配置法院中心系统或其访问凭据，无法进行关联案件检索', message_en: 'No court system or access token is set on this terminal: no related-case search', cases: [] };
    const q = new URLSearchParams({ court: f.record.courtCode, filing: f.row.filingId });
    try {
      const res = await getOnce(`${url.replace(/\/$/, '')}/v1/court/related?${q.toString()}`, token);
      if (res.status === 404) {
        return { online: true, message_zh: '这件申请尚未同步到法院中心系统，暂不能检索关联案件；同步后再试，或在法院办案系统中人工检索', message_en: 'This filing is not at the court system yet: search again once it is synced, or search in the court case system', cases: [] };
      }
      if (!res.ok) return { online: true, message_zh: `关联案件检索失败（${res.status}），请稍后再试`, message_en: `The related-case search failed (HTTP ${res.status}); try again later`, cases: [] };
      const body = (await res.json()) as { cases?: RelatedCases['cases']; searchedAt?: string };
      return { online: true, message_zh: '', message_en: '', cases: body.cases ?? [], searchedAt: body.searchedAt ?? new Date().toISOString() };
    } catch (e) {
      opts.log.info('counter.related.offline', { filingId: f.row.filingId, error: e instanceof Error ? e.name : 'error' });
      return { online: false, ...OFFLINE, cases: [] };
    }
  };
}

/**
 * The search is a GET, safe to repeat: a socket the central closed while idle in the keep-alive
 * pool fails at once with a reset, so that one failure is tried again on a fresh connection.
 */
async function getOnce(url: string, token: string): Promise<Response> {
  const get = () => fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(8_000) });
  try {
    return await get();
  } catch (e) {
    if (!(e instanceof TypeError)) throw e;
    return get();
  }
}
