/**
 * The central gateway: the court-side service that kiosks sync with. It enrols devices,
 * checks every request's signature, assigns official case numbers, and serves the court's
 * case status changes by cursor with long-poll. Runs as its own process (`yzt central serve`)
 * on SQLite or PostgreSQL behind one store interface.
 */
import { loadedCalendarDigest } from '../calendar/calendar-digest.js';
import { loadedCalendarYears } from '../../src-shared/calendar/calendar-data.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.js';
import {
  HEADER_PROTOCOL,
  HEADER_SCHEMA,
  HEADER_SERVER_TIME,
  MAX_LONG_POLL_MS,
  MAX_PULL_CHANGES,
  MAX_DOCUMENT_BYTES,
  MAX_PUSH_BYTES,
  MIN_PROTOCOL_VERSION,
  PROTOCOL_VERSION,
  MAX_CLERK_RECORDS_PULL,
  caseActionSchema,
  clerkRecordSchema,
  clerkRecordsPushSchema,
  enrolRequestSchema,
  heartbeatRequestSchema,
  pushRequestSchema,
  type EnrolResponse,
  type HeartbeatResponse,
  type HelloResponse,
  type CalendarResponse,
  type MutationResult,
  type PullResponse,
  type PushResponse,
  type ClerkRecord,
  type ClerkRecordResult,
  type ClerkRecordsPullResponse,
  type ClerkRecordsPushResponse,
  type CourtFilingsResponse,
} from '../../src-shared/sync/protocol.js';
import type { RateLimitPolicy } from '../http/rate-limit.js';
import { clientAddress } from '../http/client-address.js';
import { HttpError, parseJson, readBody, sendJson } from '../http/http-util.js';
import { claimedDevice, verifySignature } from './request-auth.js';
import { hashCode, newDeviceSecret } from './enrolment.js';
import type { CentralStore, DeviceRecord } from './store.js';
import { openCentralStore, type StoreChoice } from './open-store.js';
import { listKiosks, staleMinutesOf } from './kiosk-list.js';
import { openGatewayState } from './gateway-state.js';
import { refuseReplay } from './request-replay.js';
import { bearer, courtScope, isAdminToken, readCourt, type CourtScope } from './court-auth.js';
import { wrongCourt } from './clerk-record-sql.js';
import { COURT_DOCUMENT_PATH, KIOSK_DOCUMENT_PATH, documentRoutes } from './document-routes.js';
import { helpRoutes } from './help-routes.js';
import { correctionRoutes } from './correction-routes.js';
import { smsRoutes } from './sms/sms-routes.js';
import { startSmsSender } from './sms/start-sender.js';
import type { SmsGatewayConfig } from './sms/sms-config.js';
import { CentralClerks } from './accounts/central-clerks.js';
import { clerkAccountRoutes } from './accounts/clerk-account-routes.js';
import { withVerifiedRole } from './triage-authority.js';
import type { ClerkRole } from '../../src-shared/counter/roles.js';
import { duplicatesAnswer, matchingCases } from './duplicate-check.js';
import { commitPush, flagDuplicates } from './push-batch.js';
import { InFlight } from './in-flight.js';
import { duplicatesRequestSchema, type DuplicatesResponse } from '../../src-shared/sync/protocol.js';
import { followUpRequestSchema, type FollowUpResponse } from '../../src-shared/sync/follow-up.js';
import { applyingPartyId } from './case-sql.js';
import { attestRelated } from './related-attest.js';

/** Kiosk databases older than this lack the tables pull writes into. */
export const MIN_KIOSK_SCHEMA = 4;

export interface CentralOptions extends StoreChoice {
  port: number;
  host?: string;
  log: Logger;
  now?: () => Date;
  /** Bearer token for the court-side case API; without it that API is off. */
  adminToken?: string | undefined;
  /** Tests: speak another protocol range, as an older or newer gateway would. */
  protocol?: { version: number; min: number };
  /** An already open store (tests wrap one to inject faults); else opened from dbFile / pgUrl. */
  store?: CentralStore;
  /** How often a waiting pull re-reads the store for changes made by other processes. */
  recheckMs?: number;
  /** Groups of court codes whose related-case searches see each other's cases; none by default. */
  relatedSharing?: readonly (readonly string[])[];
  /** Per-source limits on enrolment attempts and failed court tokens (tests narrow them). */
  limits?: { enrol?: RateLimitPolicy; courtToken?: RateLimitPolicy };
  /** Load balancers' addresses: from them, the source of a request is read from X-Forwarded-For. */
  trustProxies?: readonly string[];
  /** The court's SMS gateway; without it progress SMS stay queued in the outbox. */
  sms?: SmsGatewayConfig | undefined;
  /** Tests: cheaper scrypt for clerk passwords set at the central; real gateways take the default. */
  clerkScrypt?: { N: number; r: number; p: number };
}

const MAX_ENROL_BYTES = 4 * 1024;
/** How long a stop waits for running requests (a push of 500 filings takes well under this). */
const DRAIN_MS = 10_000;
const MAX_SMALL_BYTES = 64 * 1024;

/** The most a route can use, read only once the sender is known. */
function bodyLimit(method: string, path: string): number {
  if (method === 'GET') return 0;
  if (path === '/v1/push') return MAX_PUSH_BYTES;
  if (method === 'PUT') return MAX_DOCUMENT_BYTES;
  if (path === '/v1/court/records') return MAX_PUSH_BYTES;
  return MAX_SMALL_BYTES;
}

export interface CentralHandle {
  url: string;
  store: CentralStore;
  close(): Promise<void>;
}

function versionRefusal(req: IncomingMessage, proto: { version: number; min: number }): HttpError | null {
  const kioskProtocol = Number(req.headers[HEADER_PROTOCOL] ?? NaN);
  if (!Number.isInteger(kioskProtocol) || kioskProtocol < proto.min) {
    return new HttpError(
      409,
      'kiosk-too-old',
      `终端程序版本过旧（协议 ${Number.isNaN(kioskProtocol) ? '未知' : kioskProtocol}，法院系统要求至少 ${proto.min}），请升级终端程序`,
      `Kiosk protocol ${kioskProtocol} is older than the gateway supports (${proto.min}..${proto.version}); upgrade the kiosk`,
    );
  }
  if (kioskProtocol > proto.version) {
    return new HttpError(
      409,
      'central-too-old',
      `法院系统版本过旧（协议 ${proto.version}，终端为 ${kioskProtocol}），请联系法院升级中心系统`,
      `Kiosk protocol ${kioskProtocol} is newer than the gateway (${proto.version}); upgrade the central gateway`,
    );
  }
  const schema = Number(req.headers[HEADER_SCHEMA] ?? NaN);
  if (!Number.isInteger(schema) || schema < MIN_KIOSK_SCHEMA) {
    return new HttpError(409, 'kiosk-schema-too-old', `终端数据库版本过旧（${schema}），请升级终端程序`, `Kiosk database schema ${schema} is older than ${MIN_KIOSK_SCHEMA}; upgrade the kiosk`);
  }
  return null;
}

export async function startCentral(opts: CentralOptions): Promise<CentralHandle> {
  const store = opts.store ?? (await openCentralStore(opts));
  const now = opts.now ?? (() => new Date());
  const proto = opts.protocol ?? { version: PROTOCOL_VERSION, min: MIN_PROTOCOL_VERSION };
  const log = opts.log;
  const shared = await openGatewayState(store, { log, limits: opts.limits, recheckMs: opts.recheckMs }).catch(async (e: unknown) => {
    await store.close();
    throw e;
  });
  const notifier = shared.notifier;
  const closing = new AbortController();
  const inFlight = new InFlight();

  const push = async (device: DeviceRecord, body: unknown): Promise<PushResponse> => {
    const parsed = pushRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', '同步请求格式错误', `Malformed push: ${parsed.error.issues[0]?.message ?? ''}`);
    const { results, records } = await commitPush(store, device, parsed.data.mutations, now(), log);
    if (results.conflict) {
      log.warn('central.mutation.conflict', { deviceId: device.deviceId, answered: results.results.length, lastMutationId: results.conflict.lastMutationId });
      // The answers so far are committed; the kiosk applies them after renumbering the rest.
      const e = new HttpError(409, 'mutation-conflict', '终端数据与法院系统记录不一致（可能恢复了旧备份），正在自动处理', 'Mutation id reused for another filing (kiosk restored from an old backup?)');
      Object.assign(e, { lastMutationId: results.conflict.lastMutationId, results: results.results });
      throw e;
    }
    const answered = await flagDuplicates(store, device, results.results, records, log);
    if (answered.some((r) => r.status === 'accepted')) notifier.notify(device.courtCode);
    return { protocol: proto.version, results: answered };
  };

  const pull = async (device: DeviceRecord, url: URL, signal: AbortSignal): Promise<PullResponse> => {
    const since = Math.max(0, Number(url.searchParams.get('since') ?? 0) || 0);
    const wait = Math.min(MAX_LONG_POLL_MS, Math.max(0, Number(url.searchParams.get('wait') ?? 0) || 0));
    const until = Date.now() + wait;
    for (;;) {
      const changes = await store.changesSince(device.courtCode, since, MAX_PULL_CHANGES);
      const left = until - Date.now();
      if (changes.length > 0 || left <= 0 || signal.aborted) return { protocol: proto.version, changes, cursor: changes.at(-1)?.version ?? since };
      log.debug('central.pull.waiting', { deviceId: device.deviceId, since });
      const by = await notifier.wait(device.courtCode, Math.min(left, shared.recheckMs.pull), signal);
      log.debug('central.pull.woke', { deviceId: device.deviceId, since, by });
    }
  };

  /**
   * Related cases for one of the court's own filings (seed 001 art. 9). The parties come from
   * the record the central holds, never from the query, so a token cannot search arbitrary
   * people; other courts are searched only where IT configured sharing, and that is logged.
   */
  const related = async (court: string, filingId: string | null) => {
    if (!filingId) throw new HttpError(400, 'bad-request', '请指明要检索的申请（filing）', 'Name the filing to search for (filing=...)');
    const held = await store.caseRecord(filingId);
    if (!held || held.courtCode !== court) throw new HttpError(404, 'case-not-found', '法院系统中没有本院的这件申请（可能尚未同步）', 'No such filing of this court at the central (not synced yet?)');
    const courts = [court, ...(opts.relatedSharing ?? []).filter((g) => g.includes(court)).flat().filter((c) => c !== court)];
    const unique = [...new Set(courts)];
    const cases = await store.relatedCases({ respondents: held.record.respondents.map((r) => r.idNumber ?? r.name).slice(0, 50), applicant: applyingPartyId(held.record), exclude: filingId, courts: unique });
    // The parties searched are personal data: never logged.
    if (unique.length > 1) log.info('central.related.shared', { court, courts: unique, filingId, found: cases.length });
    else log.info('central.related.searched', { court, filingId, found: cases.length });
    return cases;
  };

  const enrol = async (body: unknown): Promise<EnrolResponse> => {
    const parsed = enrolRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', '登记请求格式错误', 'Malformed enrolment request');
    const secret = newDeviceSecret();
    const r = await store.redeemEnrolCode(hashCode(parsed.data.code), parsed.data.deviceId, secret, now());
    if (!r.ok && r.reason === 'device-bound') {
      log.warn('central.device.takeover-refused', { deviceId: parsed.data.deviceId });
      throw new HttpError(409, 'device-bound', '这台设备已经登记过。重新登记须由法院技术人员先吊销该设备，再为它签发专用登记码', 'This device id is already enrolled; re-enrolling takes a revocation and a code issued for this device');
    }
    if (!r.ok) throw new HttpError(403, 'bad-enrol-code', '登记码无效、已使用或已过期，请向法院技术人员重新申请', 'Enrolment code unknown, used or expired');
    log.info(r.kind === 'new' ? 'central.device.enrolled' : 'central.device.re-enrolled', { deviceId: parsed.data.deviceId, courtCode: r.courtCode });
    return { deviceId: parsed.data.deviceId, secret, courtId: r.courtId, courtCode: r.courtCode };
  };

  /** The gateway-wide admin token only (the list of every court's kiosks). */
  const courtStaff = (req: IncomingMessage) => {
    if (!isAdminToken(opts.adminToken, bearer(req))) throw new HttpError(403, 'forbidden', '无权操作', 'Court API token missing or wrong');
  };
  const scopeOf = (req: IncomingMessage) => courtScope(store, opts.adminToken, req);
  const documents = documentRoutes({ store, log, now, protocol: proto.version });
  const clerks = new CentralClerks(store.clerkAccounts, now, opts.clerkScrypt);
  const clerkRoutes = clerkAccountRoutes({ clerks, log, notifier, protocol: proto.version });
  const corrections = correctionRoutes({ store, log, now, notifier, protocol: proto.version, clerkOf: (scope, req) => clerks.attributed(scope, req) });
  const sms = smsRoutes({ store, log, now });
  const smsSender = opts.sms ? startSmsSender(store.sms, opts.sms, log, now) : null;
  const help = helpRoutes({ store, notifier, log, now, protocol: proto.version, recheckMs: shared.recheckMs.help });

  const courtAction = async (req: IncomingMessage, body: unknown) => {
    const scope = await scopeOf(req);
    const parsed = caseActionSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', '操作请求格式错误', `Malformed case action: ${parsed.error.issues[0]?.message ?? ''}`);
    const outcome = await store.applyCaseAction(parsed.data, now(), scope.court ?? undefined);
    if (!outcome.ok) throw new HttpError(outcome.code === 'case-not-found' ? 404 : 409, outcome.code, outcome.message_zh, outcome.message_en);
    notifier.notify(outcome.courtCode);
    smsSender?.kick();
    log.info('central.case.changed', { officialNo: outcome.change.officialNo, status: outcome.change.status, version: outcome.change.version });
    return outcome.change;
  };

  /** A follow-up filing of one of the court's cases: the store decides its type from the origin and the event. */
  const followUp = async (scope: CourtScope, body: unknown): Promise<FollowUpResponse> => {
    const parsed = followUpRequestSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', '后续立案请求格式错误（案件类型由法院系统确定，不能指定）', `Malformed follow-up request: ${parsed.error.issues[0]?.message ?? ''}`);
    const r = await store.createFollowUp(parsed.data, scope, now());
    if (!r.ok) {
      log.warn('central.follow-up.refused', { origin: parsed.data.origin, because: parsed.data.event, code: r.code, by: scope.name });
      throw new HttpError(r.status, r.code, r.message_zh, r.message_en);
    }
    if (r.created) notifier.notify(r.courtCode);
    log.info('central.follow-up', { filingId: r.filingId, officialNo: r.officialNo, follows: r.follows, because: r.event, created: r.created, by: scope.name });
    return { protocol: proto.version, filingId: r.filingId, officialNo: r.officialNo, typeCode: r.typeCode, acceptedAt: r.acceptedAt, follows: r.follows, event: r.event, created: r.created };
  };

  /** Each record is checked on its own: one bad or foreign record is one rejection. Payloads
   * carry personal data, so the log gets ids, kinds and codes only. */
  const putRecords = async (scope: CourtScope, body: unknown, clerk: string | null, role: ClerkRole | null): Promise<ClerkRecordsPushResponse> => {
    const parsed = clerkRecordsPushSchema.safeParse(body);
    if (!parsed.success) throw new HttpError(400, 'bad-request', '记录同步请求格式错误', `Malformed records push: ${parsed.error.issues[0]?.message ?? ''}`);
    const results: (ClerkRecordResult | null)[] = [];
    const valid: ClerkRecord[] = [];
    for (const raw of parsed.data.records) {
      const r = clerkRecordSchema.safeParse(raw);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? ((raw as { id: string }).id.slice(0, 64)) : null;
      if (!r.success) {
        log.warn('central.record.malformed', { id, path: r.error.issues[0]?.path.join('.') });
        results.push({ id, status: 'rejected', code: 'malformed', reason_zh: '记录格式错误', reason_en: `Malformed record at ${r.error.issues[0]?.path.join('.') ?? ''}` });
      } else if (scope.court !== null && r.data.court !== scope.court) {
        log.warn('central.record.wrong-court', { id: r.data.id, court: r.data.court, tokenCourt: scope.court });
        results.push(wrongCourt(r.data.id));
      } else {
        results.push(null);
        valid.push(withVerifiedRole(await attestRelated(r.data, { held: (id) => store.caseRecord(id), search: related }, now()), role));
      }
    }
    const stored = await store.putClerkRecords(valid, now(), scope.name, clerk);
    let k = 0;
    const out = results.map((x) => x ?? stored[k++]!);
    const courts = new Set(valid.map((r) => r.court));
    for (const c of courts) notifier.notify(c);
    log.info('central.records.stored', { received: out.length, stored: out.filter((x) => x.status === 'stored').length, kinds: [...new Set(valid.map((r) => r.kind))] });
    return { protocol: proto.version, results: out };
  };

  /** One court's page after the `since` cursor: the token's court, or the one the admin token names. */
  const courtFeed = async <T, K extends string>(req: IncomingMessage, url: URL, limit: number, page: (court: string, since: number, limit: number) => Promise<T[]>, cursorOf: (x: T) => number, key: K) => {
    const court = readCourt(await scopeOf(req), url.searchParams.get('court'));
    const since = Math.max(0, Math.floor(Number(url.searchParams.get('since') ?? 0)) || 0);
    const items = await page(court, since, limit);
    const last = items.at(-1);
    return { protocol: proto.version, [key]: items, cursor: last === undefined ? since : cursorOf(last) } as { protocol: number; cursor: number } & Record<K, T[]>;
  };

  const { enrolLimiter, courtTokenLimiter } = shared;

  const route = async (req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://central');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v1/health') return sendJson(res, 200, { ok: true, protocol: proto.version, minProtocol: proto.min, time: now().toISOString() });
    if (req.method === 'GET' && path === '/v1/health/ready') {
      // The balancer's check: a gateway that cannot reach the database takes no kiosks. One that
      // hears no notices (while its listener reconnects) still serves; its pulls answer at their deadline.
      const r = await shared.ready();
      return sendJson(res, r.database ? 200 : 503, { ok: r.database, ...r });
    }
    const source = clientAddress(req, opts.trustProxies);
    if (req.method === 'POST' && path === '/v1/enrol') {
      await enrolLimiter.take(source);
      return sendJson(res, 200, await enrol(parseJson(await readBody(req, MAX_ENROL_BYTES))));
    }
    // Who is asking is settled from the headers before any body is read, so a stranger cannot
    // make the central buffer a large body; then each route reads no more than it can use.
    if (path.startsWith('/v1/court/')) {
      await courtTokenLimiter.check(source);
      try {
        await scopeOf(req);
      } catch (e) {
        await courtTokenLimiter.take(source);
        throw e;
      }
    } else {
      await claimedDevice(store, req, now());
    }
    const body = await readBody(req, bodyLimit(req.method ?? 'GET', path));
    if (req.method === 'POST' && path === '/v1/court/case') return sendJson(res, 200, await courtAction(req, parseJson(body)));
    if (req.method === 'POST' && path === '/v1/court/follow-up') return sendJson(res, 200, await followUp(await scopeOf(req), parseJson(body)));
    if (path.startsWith('/v1/court/clerks')) {
      const answer = await clerkRoutes(await scopeOf(req), req, url, body);
      if (answer) return sendJson(res, 200, answer);
    }
    if (path.startsWith('/v1/court/')) {
      const corrected = await corrections(await scopeOf(req), req, url, body);
      if (corrected) return sendJson(res, 200, corrected);
    }
    if (path.startsWith('/v1/court/sms/')) {
      const answer = await sms(await scopeOf(req), req, url, body);
      if (answer) return sendJson(res, 200, answer);
    }
    if (req.method === 'POST' && path === '/v1/court/records') {
      const scope = await scopeOf(req);
      return sendJson(res, 200, await putRecords(scope, parseJson(body), await clerks.attributed(scope, req), await clerks.verifiedRole(scope, req)));
    }
    if (req.method === 'GET' && path === '/v1/court/records') {
      const answer: ClerkRecordsPullResponse = await courtFeed(req, url, MAX_CLERK_RECORDS_PULL, (c, since, n) => store.clerkRecordsSince(c, since, n), (r) => r.seq, 'records');
      return sendJson(res, 200, answer);
    }
    if (req.method === 'GET' && path === '/v1/court/filings') {
      const answer: CourtFilingsResponse = await courtFeed(req, url, MAX_PULL_CHANGES, (c, since, n) => store.courtFilingsSince(c, since, n), (f) => f.version, 'filings');
      return sendJson(res, 200, answer);
    }
    if (req.method === 'GET' && path === '/v1/court/related') {
      const q = url.searchParams;
      const cases = await related(readCourt(await scopeOf(req), q.get('court')), q.get('filing'));
      return sendJson(res, 200, { cases, searchedAt: now().toISOString() });
    }
    const courtDocument = COURT_DOCUMENT_PATH.exec(path);
    if (courtDocument && req.method === 'PUT') return sendJson(res, 200, await documents.putFromCourt(await scopeOf(req), courtDocument[1]!, req, body));
    if (courtDocument && req.method === 'GET') return documents.getForCourt(await scopeOf(req), courtDocument[1]!, res);
    if (req.method === 'GET' && path === '/v1/court/kiosks') {
      courtStaff(req);
      const stale = staleMinutesOf(url.searchParams.get('staleMinutes'));
      if (stale === null) throw new HttpError(400, 'bad-request', '超时分钟数应为正数', 'staleMinutes must be a positive number');
      return sendJson(res, 200, await listKiosks(store, now(), stale));
    }
    if (path.startsWith('/v1/court/help') && (await help.court(() => scopeOf(req), req, res, url, body, signal))) return;
    const device = await refuseReplay(shared.replay, verifySignature(await claimedDevice(store, req, now()), req, body), req);
    const refusal = versionRefusal(req, proto);
    if (refusal) throw refusal;
    if (path.startsWith('/v1/help') && (await help.kiosk(device, req, res, url, body, signal))) return;
    if (req.method === 'GET' && path === '/v1/hello') {
      const hello: HelloResponse = {
        protocol: proto.version,
        minProtocol: proto.min,
        minKioskSchema: MIN_KIOSK_SCHEMA,
        serverTime: now().toISOString(),
        device: { deviceId: device.deviceId, courtCode: device.courtCode, courtId: device.courtId, lastMutationId: device.lastMutationId },
      };
      const calendarDigest = loadedCalendarDigest();
      if (calendarDigest) hello.calendarDigest = calendarDigest;
      return sendJson(res, 200, hello);
    }
    if (req.method === 'GET' && path === '/v1/calendar') {
      const answer: CalendarResponse = { years: [...loadedCalendarYears()], digest: loadedCalendarDigest() ?? '' };
      return sendJson(res, 200, answer);
    }
    if (req.method === 'POST' && path === '/v1/push') return sendJson(res, 200, await push(device, parseJson(body)));
    if (req.method === 'POST' && path === '/v1/duplicates') {
      const parsed = duplicatesRequestSchema.safeParse(parseJson(body));
      if (!parsed.success || !device.secret) throw new HttpError(400, 'bad-request', '查重请求格式错误', 'Malformed duplicates query');
      const found = matchingCases((await store.casesByBasis(device.courtCode, [parsed.data.basisNumber])).get(parsed.data.basisNumber) ?? [], device.secret, parsed.data);
      log.info('central.duplicates.searched', { deviceId: device.deviceId, found: found.length }); // the tags are of people: never logged
      const answer: DuplicatesResponse = duplicatesAnswer(proto.version, found);
      return sendJson(res, 200, answer);
    }
    if (req.method === 'POST' && path === '/v1/heartbeat') {
      const parsed = heartbeatRequestSchema.safeParse(parseJson(body));
      if (!parsed.success) throw new HttpError(400, 'bad-request', '心跳请求格式错误', `Malformed heartbeat: ${parsed.error.issues[0]?.message ?? ''}`);
      const at = now();
      const audit = await store.recordHeartbeat(device.deviceId, parsed.data, at);
      if (audit.found) log.warn(`central.audit.${audit.found}`, { deviceId: device.deviceId, detail: audit.store?.problemDetail ?? null });
      const answer: HeartbeatResponse = { protocol: proto.version, receivedAt: at.toISOString(), ...(audit.answer ? { audit: audit.answer } : {}) };
      return sendJson(res, 200, answer);
    }
    const kioskDocument = KIOSK_DOCUMENT_PATH.exec(path);
    if (kioskDocument && req.method === 'PUT') return sendJson(res, 200, await documents.putFromKiosk(device, kioskDocument[1]!, kioskDocument[2]!, req, body));
    if (req.method === 'GET' && path === '/v1/pull') return sendJson(res, 200, await pull(device, url, signal));
    throw new HttpError(404, 'not-found', '地址不存在', 'Not found');
  };

  const server: Server = createServer((req, res) => {
    res.setHeader(HEADER_SERVER_TIME, now().toISOString());
    res.setHeader(HEADER_PROTOCOL, String(proto.version));
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const signal = AbortSignal.any([gone.signal, closing.signal]);
    if (closing.signal.aborted) {
      // Stopping: finish what runs, take nothing new; the kiosk retries later or at another gateway.
      res.setHeader('connection', 'close');
      return sendJson(res, 503, { error: 'central-stopping', message_zh: '法院系统正在重启，稍后自动重试', message_en: 'The central gateway is stopping; retry shortly' });
    }
    inFlight.track(route(req, res, signal).catch((e: unknown) => {
      if (res.headersSent) return;
      if (e instanceof HttpError) {
        log.warn('central.request.refused', { path: req.url, status: e.status, code: e.code });
        const extra = e as HttpError & { lastMutationId?: number; results?: MutationResult[] };
        return sendJson(res, e.status, { error: e.code, message_zh: e.message_zh, message_en: e.message, lastMutationId: extra.lastMutationId, results: extra.results });
      }
      log.error('central.request.failed', { path: req.url, error: e instanceof Error ? e.message : String(e) });
      return sendJson(res, 500, { error: 'internal', message_zh: '法院系统内部错误', message_en: 'Internal error' });
    }));
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => resolve());
  }).catch(async (e: unknown) => {
    await shared.close();
    await store.close();
    throw e;
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  log.info('central.started', { url, store: store.kind });
  return {
    url,
    store,
    // Stops taking connections, wakes the long-polls, lets running requests answer, then closes the store.
    close: async () => {
      closing.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await inFlight.drained(DRAIN_MS);
      server.closeAllConnections();
      await closed;
      // The sender finishes (or frees) what it claimed, and the shared-state listener stops, before the store closes.
      await (smsSender?.stop() ?? Promise.resolve()).catch(() => undefined);
      await shared.close();
      await store.close();
    },
  };
}
