/**
 * The counter console's services: the queue, verification (seed 002 art. 7(一)), the first
 * reception record (seed 002 art. 6, seed 003 ch.3 §1), triage with the rules engine's
 * suggestion (seed 002 art. 11, 17), return for correction, 执前督 (seed 001 art. 25), and
 * notice drafts. Each action commits with its audit entry (who, when, what; no personal data)
 * and, where the central's case API knows the action, a row for the central.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { BarcodeDecoder } from '../../hardware/barcode/decoder.js';
import { sniffScan } from '../../hardware/barcode/scan-kind.js';
import { readScanCodes, type ScanCode } from '../devices/scan-reader.js';
import { AppError } from '../../src-shared/api/errors.js';
import { resolveCourt, type CourtProfile } from '../../src-shared/courts/court-profile.js';
import { addDays, chinaDate, type WorkCalendar } from '../../src-shared/calendar/work-calendar.js';
import { calendarFor } from '../../src-shared/rules/context.js';
import { computeDeadline, type DeadlineRule } from '../../src-shared/calendar/deadlines.js';
import { nodeDue, PRE_HAND_BACK, PRE_HANDOVER, PRE_LIMIT } from './case-nodes.js';
import { checkFiling, checkStageMove, conversionFor, filingFactsSchema, stagePlan } from '../../src-shared/rules/index.js';
import type { ApproverRole, EntryGate } from '../../src-shared/courts/stage-flow.js';
import type { CaseDetail, ClerkView, CounterStage, PdfResult, QueueRow, ReceptionInput, RelatedCases, TriageSuggestion, VerifyField, ReturnReason, NoticeKind, NoticeDraft } from '../../src-shared/counter/contract.js';
import { MAX_SCAN_BYTES, receptionInputSchema, RETURN_REASON_LABEL_ZH, VERIFY_FIELD_LABEL_ZH, type ReceptionVersionView, type ReceptionView } from '../../src-shared/counter/contract.js';
import { archiveReception, earlierReceptions } from './reception-versions.js';
import { correctionText, parseFieldCorrection } from '../../src-shared/domain/field-correction.js';
import { correctHeldRecord, queueCentralCorrection } from './field-corrections.js';
import { noticeKindsFor } from '../../src-shared/counter/notice-templates.js';
import { acceptedAtOf, noticeDocument } from './notice-drafts.js';
import { relatedAdvice, relatedSummary } from '../../src-shared/counter/related-advice.js';
import { keptRelated } from './related-kept.js';
import { basisKindLabel } from '../../src-shared/domain/basis-kind-label.js';
import { parseYuan } from '../../src-shared/domain/money.js';
import { followUpView, originOf, preView, readPre, type StoredPre } from './pre-enforcement-view.js';
import { appendAudit } from '../audit/audit-log.js';
import { ClerkSessions } from './accounts.js';
import { currentFields, filedFields, unverifiedFields } from './case-fields.js';
import {
  addVerification, attachReceptionScan, enqueueCaseAction, getCounterCase, getReception, listVerifications, markReceptionPrinted,
  patchCounterCase, pendingCaseActions, registerRows, saveReception, type CounterCasePatch,
} from './counter-store.js';
import { listQueue, loadFiling, type LoadedFiling, type QueueDeps } from './queue.js';
import { receptionPdf } from './reception-pdf.js';
import { propertyCluePdf } from './property-clue-form.js';
import { registerCsv } from './register-csv.js';
import { printPdf } from './document-printer.js';
import { readSetting } from '../kiosk/settings.js';
import type { CourtSync } from './court-sync.js';
import { CounterHandovers, type HandoverDeps } from './counter-handovers.js';
import { pendingClerkRecords, writeClerkRecord, type PayloadOf } from './clerk-records.js';
import type { ClerkRecord, ClerkRecordKind, PRE_ENFORCEMENT_EVENTS } from '../../src-shared/sync/protocol.js';

type PreEnforcementEvent = (typeof PRE_ENFORCEMENT_EVENTS)[number];
import { listedPages, showPage, type PageResult } from './counter-pages.js';
import type { CentralEndpoint } from './court-documents.js';
import { leaderDecided, recordedTags } from './recorded-tags.js';
import type { RecordedTag } from '../../src-shared/counter/routing-tags-record.js';
import { routingCriteria } from '../../src-shared/rules/routing-criteria.js';
import { counterDeadlines } from '../../src-shared/counter/counter-deadlines.js';
import type { CentralClerkEndpoint } from './central-clerk-client.js';
import { AccountAdmin } from './account-admin.js';

export interface CounterDeps {
  db: Db;
  court: CourtProfile;
  deviceId: string;
  now: () => Date;
  log: Logger;
  applicantKey: (idNumber: string) => string;
  courtSync: CourtSync;
  /** Related-case search at the central (seed 001 art. 9); null when no central is set. */
  related?: (filing: LoadedFiling) => Promise<RelatedCases>;
  fontFile?: string;
  /** Where pages this terminal does not hold are fetched; none: such pages show the offline message. */
  pages?: CentralEndpoint;
  /** The court's clerk accounts at the central (sign-in, account management); none: this PC's accounts only. */
  central?: CentralClerkEndpoint;
  /** Filing applications handed over at the kiosk; without it the counter refuses hand-overs. */
  handover?: HandoverDeps;
  /** Reads the codes on uploaded scans (and refuses files that are no scan); none: not read. */
  scans?: BarcodeDecoder;
}

const NOT_FOUND = new AppError('counter.not-found', '没有找到这份申请', 'Filing not found');
const LEADERS = ['leader', 'admin'] as const;

/** Court time for printed documents (China has no daylight saving). */
export function chinaTime(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 4)}年${t.slice(5, 7)}月${t.slice(8, 10)}日 ${t.slice(11, 16)}`;
}

export class CounterService {
  readonly sessions: ClerkSessions;
  readonly handovers: CounterHandovers;
  readonly accounts: AccountAdmin;
  private readonly q: QueueDeps;

  constructor(private readonly d: CounterDeps) {
    this.sessions = new ClerkSessions(d.db, d.now, d.central);
    d.courtSync.attributeWith((account) => this.sessions.centralSessionOf(account));
    this.accounts = new AccountAdmin({ db: d.db, now: d.now, log: d.log, sessions: this.sessions, central: d.central, kick: () => d.courtSync.kick() });
    this.handovers = new CounterHandovers({ db: d.db, now: d.now, log: d.log, sessions: this.sessions, ...(d.handover ? { handover: d.handover } : {}) });
    const court = resolveCourt(d.court);
    // Read on each use: a holiday notice loaded in admin mode (or from the central) applies at once.
    this.q = {
      db: d.db,
      court: d.court,
      get calendar(): WorkCalendar {
        return calendarFor(court);
      },
      now: d.now,
      applicantKey: d.applicantKey,
    };
  }

  private get calendar(): WorkCalendar {
    return this.q.calendar;
  }

  queue(token: string, query: string, filter: Parameters<typeof listQueue>[2]): QueueRow[] {
    this.sessions.require(token);
    // The clerk looks now: fetch the court's latest (other kiosks' filings, other terminals'
    // records) rather than at the next poll; what arrives is pushed as counter.changed.
    this.d.courtSync.kick();
    return listQueue(this.q, query, filter);
  }

  /** Opening a case shows full personal data, so who opened which case is on the record. */
  detail(token: string, filingId: string): CaseDetail {
    const clerk = this.sessions.require(token);
    this.d.courtSync.kick();
    const d = this.view(filingId);
    this.audit(clerk, 'counter.case.viewed', filingId, {});
    return d;
  }

  /** A page of the filing (or its reception scan): from here, else fetched from the central. */
  async document(token: string, id: string, filingId?: string): Promise<PageResult> {
    const clerk = this.sessions.require(token);
    const page = await showPage(this.d.db, this.d.pages, id, filingId, this.d.now);
    this.audit(clerk, 'counter.document.viewed', page.filingId, { documentId: id, fetched: page.fetched, shown: page.result.dataUrl !== null });
    return page.result;
  }

  verify(token: string, filingId: string, field: VerifyField, verdict: 'verified' | 'corrected', correctedValue?: string, reason?: string, effectiveDate?: string): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    if (f.row.stage === 'done') throw new AppError('counter.bad-stage', '已办结的案件不能再更正立案信息', 'A finished case cannot be corrected');
    if (verdict === 'corrected' && (!correctedValue || !reason)) {
      throw new AppError('validation', '更正须填写更正后的内容和理由', 'A correction needs the corrected value and a reason', {
        ...(!correctedValue ? { correctedValue: '请填写更正后的内容' } : {}),
        ...(!reason ? { reason: '请填写更正理由' } : {}),
      });
    }
    // An amount is an amount, a case number passes the parser, a date is a date.
    const parsed = verdict === 'corrected' ? parseFieldCorrection(field, correctedValue!, effectiveDate) : null;
    if (parsed && !parsed.ok) throw new AppError('validation', parsed.message_zh, parsed.message_en, { correctedValue: parsed.message_zh });
    const correction = parsed?.ok ? parsed.correction : undefined;
    const current = currentFields(filedFields(f.record), listVerifications(this.d.db, filingId))[field];
    this.tx(clerk, filingId, 'counter.field.' + verdict, { field }, (at) => {
      const v = { field, verdict, originalValue: current, correctedValue: correction ? correctionText(correction) : null, reason: reason ?? null };
      const rec = this.record(clerk, filingId, 'verification', { ...v, ...(correction ? { correction } : {}) }, at);
      addVerification(this.d.db, filingId, v, clerk.account, at, rec.id);
      if (correction) {
        correctHeldRecord(this.d.db, filingId, correction, at);
        queueCentralCorrection(this.d.db, filingId, { id: rec.id, clerk: clerk.account, terminal: this.d.deviceId, reason: reason!, correction }, at);
      }
      return f.row.stage === 'new' ? { stage: 'verifying' } : {};
    });
    return this.view(filingId);
  }

  /** Saves the record. A printed version is locked: only `newVersion` changes it, as the next version to print and sign again. */
  saveReception(token: string, filingId: string, input: ReceptionInput, newVersion = false): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    const r = receptionInputSchema.parse(input);
    if (f.row.stage === 'done') throw new AppError('counter.reception-locked', '案件已办结，初次接待笔录不能再修改', 'The case is finished; its reception record cannot change');
    const held = getReception(this.d.db, filingId);
    if (held?.printedAt && !newVersion) {
      throw new AppError('counter.reception-locked', '笔录已打印，已锁定。如需修改，请选择“修改笔录（生成新版本）”，新版本须重新打印并由三方签名', 'The record is printed and locked; change it as a new version, to be printed and signed again');
    }
    const version = (held?.version ?? 0) + (held?.printedAt || !held ? 1 : 0);
    this.tx(clerk, filingId, 'counter.reception.saved', { at: r.at, version }, (at) => {
      if (held?.printedAt) archiveReception(this.d.db, filingId, at);
      saveReception(this.d.db, filingId, r, clerk.account, at, version);
      this.record(clerk, filingId, 'reception', { ...r, version }, at);
      return ['new', 'verifying'].includes(f.row.stage) ? { stage: 'received', no_reception_reason: null } : { no_reception_reason: null };
    });
    return this.view(filingId);
  }

  async printReception(token: string, filingId: string): Promise<PdfResult> {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    const reception = getReception(this.d.db, filingId);
    if (!reception) throw new AppError('counter.no-reception', '请先填写并保存初次接待笔录', 'Save the first-reception record first');
    const pdf = await receptionPdf(
      { courtName: this.d.court.name, caseNumber: f.row.officialNo ?? f.row.provisionalNo, provisionalNo: f.row.provisionalNo, reception, localTime: chinaTime },
      this.d.fontFile,
    );
    const fileName = `初次接待笔录-${f.row.officialNo ?? f.row.provisionalNo}.pdf`;
    const queue = readSetting(this.d.db, 'counter.printer');
    const printed = queue ? await printPdf(queue, pdf, fileName) : null;
    if (printed && !printed.ok) this.d.log.warn('counter.print.failed', { filingId, queue, message: printed.message_en });
    this.tx(clerk, filingId, 'counter.reception.printed', { sha256: sha256(pdf), to: printed?.ok ? 'printer' : 'pdf' }, (at) => {
      markReceptionPrinted(this.d.db, filingId, at);
      this.record(clerk, filingId, 'reception.printed', { sha256: sha256(pdf), version: reception.version ?? 1 }, at);
      return {};
    });
    return { pdfBase64: pdf.toString('base64'), fileName, printed };
  }

  async attachScan(token: string, filingId: string, dataUrl: string): Promise<CaseDetail & { scanCodes: ScanCode[] }> {
    const clerk = this.sessions.require(token);
    this.load(filingId);
    const reception = getReception(this.d.db, filingId);
    if (!reception?.printedAt) throw new AppError('counter.not-printed', '请先打印初次接待笔录，三方签名后再扫描上传', 'Print the record and have it signed before attaching the scan');
    const scan = decodeScan(dataUrl);
    // Read (and a damaged file refused) before the transaction: no async work inside it.
    const reading = this.d.scans ? await readScanCodes(this.d.scans, scan.bytes, this.d.log, 'counter.reception.scan', this.d.now()) : { codes: [] };
    this.sessions.require(token);
    this.tx(clerk, filingId, 'counter.reception.scanned', { sha256: scan.sha256, bytes: scan.bytes.length, mime: scan.mime }, (at) => {
      const rec = this.record(clerk, filingId, 'reception.scan', { sha256: scan.sha256, mime: scan.mime as 'image/png', bytes: scan.bytes.length, version: reception.version ?? 1 }, at);
      attachReceptionScan(this.d.db, filingId, { ...scan, id: rec.id }, at);
      return {};
    });
    return { ...this.view(filingId), scanCodes: reading.codes };
  }

  noReception(token: string, filingId: string, reason: string): CaseDetail {
    const clerk = this.sessions.require(token);
    this.load(filingId);
    if (getReception(this.d.db, filingId)) throw new AppError('counter.has-reception', '该案件已有初次接待笔录，无需填写未接待原因', 'This case already has a reception record');
    this.tx(clerk, filingId, 'counter.reception.skipped', {}, (at) => {
      this.record(clerk, filingId, 'no-reception', { reason }, at);
      return { no_reception_reason: reason };
    });
    return this.view(filingId);
  }

  triage(token: string, filingId: string, decision: 'accept' | 'override', team?: string, reason?: string): CaseDetail {
    const clerk = this.sessions.require(token, decision === 'override' ? LEADERS : undefined);
    const f = this.load(filingId);
    // A returned filing comes back here once corrected: accepted again under the same numbers.
    if (f.row.stage === 'done') throw new AppError('counter.bad-stage', '已办结的案件不能分流', 'A finished case cannot be triaged');
    // A leader's decision binds: only a leader may change it (issue 14 item 4); the central refuses it too.
    if (leaderDecided(this.d.db, filingId) && !(LEADERS as readonly string[]).includes(clerk.role)) {
      this.audit(clerk, 'counter.triage.refused', filingId, { because: 'leader-decision' });
      throw new AppError('counter.leader-decision', '该案件的分流由团队负责人决定，只有团队负责人可以更改', 'A team leader decided this triage; only a team leader can change it');
    }
    const s = this.suggest(f);
    // An entry gate (seed 004 group 1 §1: 组长初审、局长审核) is the leaders' to pass: the
    // leader who accepts vouches for the approvals, and the audit names the gate.
    const gates = this.gates(f);
    if (gates.length > 0 && !(LEADERS as readonly string[]).includes(clerk.role)) {
      const steps = gates.flatMap((g) => g.approval.steps.map((x) => x.label_zh)).join('、');
      throw new AppError('counter.gate', `该案件须经${steps}后方能立案，请由团队负责人受理`, 'This filing needs its approvals first; a team leader must accept it');
    }
    if (!s) throw new AppError('counter.no-suggestion', '无法根据申请信息给出分流建议，请由团队负责人指定团队', 'No suggestion; a team leader must choose the team');
    let chosen = s.team;
    if (decision === 'override') {
      const teams = resolveCourt(this.d.court).teams;
      if (!team || !teams.some((t) => t.id === team)) throw new AppError('validation', '请选择本院的办案团队', 'Choose one of the court teams', { team: '请选择办案团队' });
      if (!reason) throw new AppError('validation', '改派须写明理由', 'An override needs a reason', { reason: '请填写改派理由' });
      chosen = team;
    }
    this.tx(clerk, filingId, `counter.triage.${decision}`, { team: chosen, suggested: s.team, rule: s.rule, gates: gates.map((g) => g.id) }, (at) => {
      if (f.row.centralStatus !== 'accepted') enqueueCaseAction(this.d.db, filingId, { action: 'accept' }, at);
      enqueueCaseAction(this.d.db, filingId, { action: 'triage', team: chosen }, at);
      this.record(clerk, filingId, 'triage', { team: chosen, decision, suggestedTeam: s.team, rule: s.rule, reason: reason ?? null, role: clerk.role }, at);
      return { stage: 'triaged', triage_team: chosen, triage_decision: decision, triage_suggested_team: s.team, triage_rule: s.rule, triage_reason: reason ?? null, triage_by: clerk.account, triage_at: at };
    });
    return this.view(filingId);
  }

  /**
   * Records the triage criteria the clerk answered, each tag with its source (issue 14 item 4).
   * The tags feed the suggestion; a triage already decided stays as decided (a leader re-decides).
   */
  setTags(token: string, filingId: string, tags: readonly RecordedTag[]): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    if (f.row.stage === 'done') throw new AppError('counter.bad-stage', '已办结的案件不能再记录分流标签', 'A finished case takes no more triage tags');
    const known = new Set(routingCriteria(this.d.court).map((c) => c.tag));
    const foreign = tags.filter((t) => !known.has(t.tag));
    if (foreign.length > 0) throw new AppError('validation', '本院分流规则中没有这项标准，请刷新后重试', `The court's triage table has no criterion ${foreign.map((t) => t.tag).join(', ')}`, { tags: '本院分流规则中没有这项标准' });
    this.tx(clerk, filingId, 'counter.tags.recorded', { tags: tags.map((t) => `${t.tag}:${t.source}`) }, (at) => {
      this.record(clerk, filingId, 'routing-tags', { tags: tags.map((t) => ({ tag: t.tag, source: t.source, note: t.note.trim() })) }, at);
      return {};
    });
    return this.view(filingId);
  }

  convert(token: string, filingId: string, event: string, reason: string, approvals: readonly ApproverRole[] = []): CaseDetail {
    const clerk = this.sessions.require(token, LEADERS);
    const f = this.load(filingId);
    const c = getCounterCase(this.d.db, filingId);
    if (!c?.triage_team) throw new AppError('counter.not-triaged', '案件尚未分流，不能转换程序', 'The case has not been triaged');
    const facts = filingFactsSchema.safeParse({ ...(f.record.facts ?? {}), routingTags: [...(((f.record.facts ?? {}) as { routingTags?: string[] }).routingTags ?? []), event] });
    const conv = facts.success ? conversionFor(facts.data, this.d.court, c.triage_team, { now: this.d.now() }) : undefined;
    if (!conv) throw new AppError('counter.no-conversion', '本院规则对该团队的案件没有此项程序转换', 'The court has no conversion for this team and event');
    // Only a leader records a conversion, confirming each approval the court's rule names (局长审批,
    // seed 002 art. 17); the approval goes on the record the central and every terminal keep.
    const missing = (conv.approval?.steps ?? []).filter((st) => !approvals.includes(st.role));
    if (missing.length > 0) {
      throw new AppError('counter.conversion.approval-missing', `程序转换须经${missing.map((m) => m.label_zh).join('、')}，请确认已取得审批后再转换`, `The conversion needs its approvals first: ${missing.map((m) => m.label_en).join(', ')}`);
    }
    const handoverDue = computeDeadline({ id: 'conversion-handover', label_zh: conv.label_zh, label_en: conv.label_en, from: 'conversion-approved', amount: conv.handoverDays, unit: 'days', source: conv.source }, this.d.now(), this.calendar).dueDate;
    const approval = conv.approval?.steps.map((s) => s.role) ?? [];
    this.tx(clerk, filingId, 'counter.triage.converted', { from: conv.from, to: conv.to, rule: conv.id, approval, approvedBy: approval.length ? clerk.account : null }, (at) => {
      enqueueCaseAction(this.d.db, filingId, { action: 'assign', team: conv.to }, at);
      const approved = conv.approval ? { approval: { steps: conv.approval.steps.map((st) => ({ role: st.role, label_zh: st.label_zh })), by: clerk.account, source: conv.approval.source } } : {};
      const conversion = { from: conv.from, to: conv.to, rule: conv.id, label_zh: conv.label_zh, handoverDue, at, reason, ...approved };
      this.record(clerk, filingId, 'conversion', conversion, at);
      return { triage_team: conv.to, conversion_json: JSON.stringify(conversion) };
    });
    return this.view(filingId);
  }

  /**
   * Moves a case along the court's stage flow (seed 004) by an exit of its current stage. The
   * engine says whether the exit exists and which approvals it needs; only a leader records
   * approvals. A closing exit closes the case at the central; a move assigns the new team.
   */
  moveStage(token: string, filingId: string, exitId: string, approvals: readonly ApproverRole[] = [], reason = ''): CaseDetail {
    const clerk = this.sessions.require(token, approvals.length > 0 ? LEADERS : undefined);
    const f = this.load(filingId);
    const c = getCounterCase(this.d.db, filingId);
    if (!c?.triage_team) throw new AppError('counter.not-triaged', '案件尚未分流，不能流转', 'The case has not been triaged');
    if (f.row.stage === 'returned') throw new AppError('counter.bad-stage', '案件已退回补正，不能流转', 'The filing was returned for correction');
    if (closedByStage(c.conversion_json)) throw new AppError('counter.bad-stage', '案件已结案，不能流转', 'The case is closed');
    const move = checkStageMove(this.d.court, c.triage_team, exitId, approvals);
    if (!move.ok) throw new AppError(`counter.stage.${move.code}`, move.message_zh, move.message_en);
    const from = c.triage_team;
    this.tx(clerk, filingId, 'counter.stage.moved', { from, to: move.to, exit: exitId, approvals: [...approvals] }, (at) => {
      if (move.to === 'closed') {
        enqueueCaseAction(this.d.db, filingId, { action: 'close' }, at);
        this.record(clerk, filingId, 'done', {}, at);
        const closed = { from, to: 'closed', rule: exitId, label_zh: move.exit.label_zh, handoverDue: chinaDate(new Date(at)), at, reason };
        return { stage: 'done', done_by: clerk.account, done_at: at, conversion_json: JSON.stringify(closed) };
      }
      enqueueCaseAction(this.d.db, filingId, { action: 'assign', team: move.to }, at);
      const moved = { from, to: move.to, rule: exitId, label_zh: move.exit.label_zh, handoverDue: chinaDate(new Date(at)), at, reason };
      this.record(clerk, filingId, 'conversion', moved, at);
      return { triage_team: move.to, conversion_json: JSON.stringify(moved) };
    });
    return this.view(filingId);
  }

  returnFiling(token: string, filingId: string, reasons: Array<{ code: ReturnReason; detail: string }>): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    if (f.row.stage === 'done') throw new AppError('counter.bad-stage', '已办结的案件不能退回', 'A finished case cannot be returned');
    const texts = reasons.map((r) => `${RETURN_REASON_LABEL_ZH[r.code]}：${r.detail}`);
    this.tx(clerk, filingId, 'counter.returned', { codes: reasons.map((r) => r.code) }, (at) => {
      enqueueCaseAction(this.d.db, filingId, { action: 'return', reasons_zh: texts }, at);
      this.record(clerk, filingId, 'return', { reasons_zh: texts }, at);
      return { stage: 'returned', return_reasons_json: JSON.stringify(texts) };
    });
    return this.view(filingId);
  }

  done(token: string, filingId: string): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    const c = getCounterCase(this.d.db, filingId);
    if (!getReception(this.d.db, filingId) && !c?.no_reception_reason) {
      throw new AppError('counter.reception-missing', '该案件没有初次接待笔录：请先制作笔录，或写明未进行初次接待的原因', 'No first reception: record one, or state why there was none');
    }
    if (f.row.stage === 'returned') throw new AppError('counter.bad-stage', '案件已退回补正，待申请人补正后再办结', 'The filing was returned for correction');
    const unverified = unverifiedFields(listVerifications(this.d.db, filingId));
    if (unverified.length > 0) {
      throw new AppError('counter.not-verified', `立案信息尚未核对完毕，请逐项核对或更正：${unverified.map((x) => VERIFY_FIELD_LABEL_ZH[x]).join('、')}`, `Verify or correct each item of the filing data first: ${unverified.join(', ')}`);
    }
    this.tx(clerk, filingId, 'counter.done', { reception: c?.no_reception_reason ? 'skipped' : 'recorded' }, (at) => {
      if (c?.triage_team) enqueueCaseAction(this.d.db, filingId, { action: 'assign', team: c.triage_team }, at);
      this.record(clerk, filingId, 'done', {}, at);
      return { stage: 'done', done_by: clerk.account, done_at: at };
    });
    return this.view(filingId);
  }

  register(token: string, from: string, to: string): { csv: string; rows: number } {
    const clerk = this.sessions.require(token);
    const r = receptionRegister(this.d.db, from, to);
    this.audit(clerk, 'counter.register.exported', null, { from, to, rows: r.rows });
    return r;
  }

  /**
   * 执前督 (seed 001 art. 25): the hand-over, then one outcome. 履行完毕 needs the amount paid,
   * and the central closes the case on the record. 未履行 or 拒绝履行 names the 执 case to
   * come (an id chosen here); the court sync sends the record, then asks the central to
   * number it (follow-up-sync.ts). `retry`: a refused 执 filing is asked again, its record
   * sent again (the central may have refused it the first time).
   */
  preEnforcement(token: string, filingId: string, event: PreEnforcementEvent | 'retry', paid?: string): CaseDetail {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    if (f.row.typeCode !== '执前督') throw new AppError('counter.not-pre', '该案件不是执前督案件', 'Not a pre-enforcement supervision (执前督) case');
    const pre = this.preState(f);
    if (event === 'retry') return this.retryFollowUp(clerk, f, pre);
    if (pre.outcome) throw new AppError('counter.pre-closed', '该执前督案件已有结果', 'This pre-enforcement supervision (执前督) case already has an outcome');
    if (event !== 'handed-over' && !pre.handedOverAt) throw new AppError('counter.pre-not-handed', '请先登记移交执行部门', 'Record the hand-over first');
    let paidFen: number | null = null;
    if (event === 'performed') {
      const amount = parseYuan(paid ?? '');
      if (!amount.ok) throw new AppError('validation', `到位金额：${amount.message_zh}`, `Amount paid: ${amount.message_en}`, { paid: amount.message_zh });
      paidFen = amount.fen;
    }
    this.tx(clerk, filingId, `counter.pre.${event}`, paidFen === null ? {} : { paidFen }, (at) => {
      const due = (anchor: 'handover-received' | 'supervision-ended', fallback: Omit<DeadlineRule, 'from'>) => nodeDue(this.d.court, '执前督', anchor, new Date(at), this.calendar, fallback);
      if (event === 'handed-over') return { pre_json: this.keepPre(clerk, filingId, event, { ...pre, handedOverAt: at, limitDue: due('handover-received', PRE_LIMIT) }, at) };
      const failed = event !== 'performed';
      const state = { ...pre, outcome: event, paidFen, convertedFilingId: failed ? randomUUID() : null, filingDue: failed ? due('supervision-ended', PRE_HAND_BACK) : null };
      return { stage: 'done', done_by: clerk.account, done_at: at, pre_json: this.keepPre(clerk, filingId, event, state, at) };
    });
    return this.view(filingId);
  }

  private retryFollowUp(clerk: ClerkView, f: LoadedFiling, pre: StoredPre): CaseDetail {
    const follow = followUpView(this.d.db, pre);
    if (follow?.status !== 'rejected') throw new AppError('counter.pre-no-retry', '只有被法院系统退回的首次执行立案才能重新提交', 'Only a first enforcement filing the central refused can be sent again');
    this.tx(clerk, f.row.filingId, 'counter.pre.retry', { code: follow.code }, (at) => ({ pre_json: this.keepPre(clerk, f.row.filingId, pre.outcome as PreEnforcementEvent, { ...pre, followUp: null }, at) }));
    return this.view(f.row.filingId);
  }

  /** The state as this terminal's record for the others (inside the action's transaction); returns it for pre_json. */
  private keepPre(clerk: ClerkView, filingId: string, event: PreEnforcementEvent, state: StoredPre, at: string): string {
    this.record(clerk, filingId, 'pre-enforcement', { event, handedOverAt: state.handedOverAt, limitDue: state.limitDue, outcome: state.outcome, convertedFilingId: state.convertedFilingId, filingDue: state.filingDue, paidFen: state.paidFen }, at);
    return JSON.stringify(state);
  }

  /** The draft with its blanks shown; `issue` refuses while any placeholder is empty and records the issued notice. */
  async notice(token: string, filingId: string, kind: NoticeKind, issue = false): Promise<NoticeDraft> {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    const supervisionDue = f.row.typeCode === '执前督' ? this.preState(f).limitDue : null;
    const doc = await noticeDocument(this.d.db, kind, { filing: f, acceptedAt: acceptedAtOf(this.d.db, filingId), supervisionDue, basis: basisTitle(this.view(filingId).fields['basis-number'], (f.record.facts as { basis?: { kind?: string } } | undefined)?.basis?.kind, f.record.basisNumber) }, this.d.court, this.d.now(), { issue, fontFile: this.d.fontFile });
    this.audit(clerk, issue ? 'counter.notice.issued' : 'counter.notice.drafted', filingId, { kind, empty: doc.empty.length, ...(issue ? { sha256: sha256(Buffer.from(doc.pdfBase64, 'base64')) } : {}) });
    return doc;
  }

  async propertyClueForm(token: string, filingId: string): Promise<PdfResult> {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    const number = f.row.officialNo ?? f.row.provisionalNo;
    const pdf = await propertyCluePdf({ courtName: this.d.court.name, caseNumber: number, applicant: f.row.applicantName, respondents: f.row.respondentNames, clues: f.record.propertyClues ?? [], payee: f.record.payee ?? null, date: chinaTime(this.d.now().toISOString()).slice(0, 11) }, this.d.fontFile);
    this.audit(clerk, 'counter.property-clues.drafted', filingId, { clues: (f.record.propertyClues ?? []).length });
    return { pdfBase64: pdf.toString('base64'), fileName: `财产线索调查表-${number}.pdf` };
  }

  /**
   * Related-case search at the central (seed 001 art. 9), read by the court's rules; a search the
   * central answered is kept with the filing as a clerk record, so it travels with the case to
   * the court's other terminals and the enforcement department.
   */
  async related(token: string, filingId: string): Promise<RelatedCases> {
    const clerk = this.sessions.require(token);
    const f = this.load(filingId);
    this.audit(clerk, 'counter.related.searched', filingId, {});
    if (!this.d.related) return { online: false, message_zh: '本终端未连接法院中心系统，无法进行关联案件检索', message_en: 'This terminal has no court system: no related-case search', cases: [] };
    const r = await this.d.related(f);
    if (!r.searchedAt) return r;
    const kept = { ...r, ...relatedSummary(r.cases), advice: relatedAdvice(r.cases, f.record.respondents, this.d.court.relatedSearch), searchedAt: r.searchedAt };
    this.sessions.require(token);
    this.tx(clerk, filingId, 'counter.related.kept', { found: kept.cases.length, advice: kept.advice.map((a) => a.kind) }, (at) => {
      this.record(clerk, filingId, 'related', { searchedAt: kept.searchedAt, message_zh: kept.message_zh, message_en: kept.message_en, cases: kept.cases, advice: kept.advice }, at);
      return {};
    });
    return kept;
  }

  /** Seed 001 art. 9 and 25: the search kept with the 执前督 case goes with the material to the first-enforcement filing. */
  /** A 执 case numbered after a failed 执前督 shows the search kept with its origin (seed 001 art. 9: it travels with the case). */
  private originRelated(record: LoadedFiling['record']): ReturnType<typeof keptRelated> {
    const o = originOf(this.d.db, record);
    return o ? keptRelated(this.d.db, o.filingId) : null;
  }

  private preState(f: LoadedFiling): StoredPre {
    return readPre(getCounterCase(this.d.db, f.row.filingId)?.pre_json, nodeDue(this.d.court, '执前督', 'filed', new Date(f.row.submittedAt), this.calendar, PRE_HANDOVER));
  }

  private gates(f: LoadedFiling): EntryGate[] {
    return checkFiling({ ...(f.record.facts ?? {}) }, this.d.court, { now: new Date(f.row.submittedAt) }).gates ?? [];
  }

  /** The approval steps of the court's conversions out of `team` (seed 002 art. 17), once each. */
  private conversionApprovals(team: string | null): NonNullable<CaseDetail['conversionApprovals']> {
    const steps = (resolveCourt(this.d.court).routing.conversions ?? []).filter((c) => c.from === team).flatMap((c) => c.approval?.steps ?? []);
    return steps.filter((st, i) => steps.findIndex((x) => x.role === st.role) === i).map((st) => ({ role: st.role, label_zh: st.label_zh, label_en: st.label_en }));
  }

  /** The engine's suggestion from the filed facts and the tags the clerks recorded for the case. */
  private suggest(f: LoadedFiling): TriageSuggestion | null {
    const facts = (f.record.facts ?? {}) as { routingTags?: string[] };
    const tags = [...new Set([...(facts.routingTags ?? []), ...(recordedTags(this.d.db, f.row.filingId)?.tags ?? []).map((t) => t.tag)])];
    const route = checkFiling({ ...facts, routingTags: tags }, this.d.court, { now: new Date(f.row.submittedAt) }).route;
    return route ? { team: route.team, team_zh: route.team_zh, team_en: route.team_en, rule: route.rule, label_zh: route.label_zh, label_en: route.label_en, source: route.source } : null;
  }

  private load(filingId: string): LoadedFiling {
    const f = loadFiling(this.q, filingId);
    if (!f) throw NOT_FOUND;
    return f;
  }

  private view(filingId: string): CaseDetail {
    const f = this.load(filingId);
    const c = getCounterCase(this.d.db, filingId);
    const trail = listVerifications(this.d.db, filingId);
    const held = this.d.db.prepare('SELECT id, kind, length(bytes) AS bytes FROM documents WHERE filing_id = ? ORDER BY created_at').all(filingId) as Array<{ id: string; kind: string; bytes: number }>;
    // Pages photographed at another kiosk are listed by the filing record and fetched when shown.
    const docs = [...held, ...listedPages(this.d.db, filingId).filter((p) => !held.some((h) => h.id === p.id)).map(({ id, kind, bytes }) => ({ id, kind, bytes }))];
    const a = f.record.filer === 'agent' ? f.record.principal : f.record.filer === 'company' ? f.record.company : undefined;
    return {
      row: f.row,
      fields: currentFields(filedFields(f.record), trail),
      applicant: a
        ? { name: a.name, idNumber: a.idNumber, address: a.address, phone: a.phone }
        : { name: f.record.applicant.name, idNumber: f.record.applicant.idNumber, address: f.record.applicant.address, phone: f.record.applicant.phone ?? null },
      respondents: f.record.respondents.map((r) => ({ kind: r.kind, name: r.name, idNumber: r.idNumber ?? null, address: r.address ?? null })),
      propertyClues: f.record.propertyClues ?? [],
      payee: f.record.payee ?? null,
      documents: docs,
      verifications: trail,
      reception: withEarlier(getReception(this.d.db, filingId), earlierReceptions(this.d.db, filingId)),
      noReceptionReason: c?.no_reception_reason ?? null,
      suggestion: this.suggest(f),
      triage: c?.triage_team && c.triage_decision ? { team: c.triage_team, decision: c.triage_decision, reason: c.triage_reason, by: c.triage_by ?? '', at: c.triage_at ?? '' } : null,
      conversion: c?.conversion_json ? (JSON.parse(c.conversion_json) as CaseDetail['conversion']) : null,
      returnReasons: c?.return_reasons_json ? (JSON.parse(c.return_reasons_json) as string[]) : [],
      preEnforcement: f.row.typeCode === '执前督' ? preView(this.d.db, this.preState(f)) : null,
      origin: originOf(this.d.db, f.record),
      stage: c?.triage_team && !closedByStage(c.conversion_json) ? (stagePlan(this.d.court, c.triage_team) ?? null) : null,
      pendingSync: pendingCaseActions(this.d.db, filingId) + pendingClerkRecords(this.d.db, filingId),
      noticeKinds: noticeKindsFor(f.row.typeCode),
      related: keptRelated(this.d.db, filingId) ?? this.originRelated(f.record),
      teams: resolveCourt(this.d.court).teams.map(({ id, name_zh, name_en }) => ({ id, name_zh, name_en })),
      criteria: routingCriteria(this.d.court),
      tags: recordedTags(this.d.db, filingId),
      leaderDecided: leaderDecided(this.d.db, filingId),
      deadlines: counterDeadlines(this.d.court, new Date(f.row.submittedAt), this.calendar),
      conversionApprovals: this.conversionApprovals(c?.triage_team ?? null),
    };
  }

  /** One transaction: the counter rows, their audit entry, any central-bound action. */
  private tx(clerk: ClerkView, filingId: string, action: string, details: Record<string, unknown>, write: (at: string) => CounterCasePatch): void {
    const at = this.d.now().toISOString();
    this.d.db.transaction(() => {
      const patch = write(at);
      patchCounterCase(this.d.db, filingId, patch, at);
      appendAudit(this.d.db, { at, actor: `clerk:${clerk.account}`, action, subject: filingId, details: { ...details, ...(patch.stage ? { stage: patch.stage as CounterStage } : {}) } });
    }).immediate();
    this.d.log.info(action, { filingId, clerk: clerk.account });
    this.d.courtSync.kick();
  }

  /** The action as a record for the court's other terminals (inside the action's transaction). */
  private record<K extends ClerkRecordKind>(clerk: ClerkView, filingId: string, kind: K, payload: PayloadOf<K>, at: string): ClerkRecord {
    return writeClerkRecord(this.d.db, { account: clerk.account, terminal: this.d.deviceId, court: this.d.court.code }, filingId, kind, payload, at);
  }

  private audit(clerk: ClerkView, action: string, subject: string | null, details: Record<string, unknown>): void {
    appendAudit(this.d.db, { at: this.d.now().toISOString(), actor: `clerk:${clerk.account}`, action, subject, details });
  }
}

/** The register of receptions for filings made between two China dates, as CSV. */
export function receptionRegister(db: Db, from: string, to: string): { csv: string; rows: number } {
  if (to < from) throw new AppError('validation', '结束日期不能早于开始日期', 'The end date is before the start', { to: '结束日期不能早于开始日期' });
  const rows = registerRows(db, new Date(`${from}T00:00:00+08:00`).toISOString(), new Date(`${addDays(to, 1)}T00:00:00+08:00`).toISOString());
  return { csv: registerCsv(rows, chinaTime), rows: rows.length };
}

/** Whether the last move recorded here closed the case from its stage (seed 004: 结案). */
function closedByStage(conversionJson: string | null | undefined): boolean {
  return !!conversionJson && (JSON.parse(conversionJson) as { to?: string }).to === 'closed';
}

function withEarlier(r: ReceptionView | null, earlier: ReceptionVersionView[]): ReceptionView | null {
  return r ? { ...r, earlier } : null;
}

/** The basis as a notice names it: the number as verified and the document's name, when the filing says which kind it is. */
function basisTitle(verifiedNumber: string, kind: string | undefined, filedNumber: string): string {
  const number = (verifiedNumber.split('\n')[0] ?? '').trim();
  return kind ? `${number}${basisKindLabel(kind, filedNumber).zh}` : number;
}

function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}


export function decodeScan(dataUrl: string): { mime: string; bytes: Buffer; sha256: string } {
  const m = /^data:(image\/jpeg|image\/png|image\/tiff|application\/pdf);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  const bytes = m ? Buffer.from(m[2] ?? '', 'base64') : Buffer.alloc(0);
  const mime = m?.[1] ?? '';
  const kind = sniffScan(bytes);
  const ok = kind !== undefined && { png: 'image/png', jpeg: 'image/jpeg', tiff: 'image/tiff', pdf: 'application/pdf' }[kind] === mime;
  if (!ok) throw new AppError('counter.bad-scan', '扫描件无法识别，请上传 JPG、PNG、TIFF 或 PDF 文件', 'The scan must be a JPEG, PNG, TIFF or PDF file');
  if (bytes.length > MAX_SCAN_BYTES) throw new AppError('counter.scan-too-large', '扫描件太大（超过 6MB），请降低分辨率后重新扫描', 'The scan is larger than 6 MB; scan again at a lower resolution');
  return { mime, bytes, sha256: sha256(bytes) };
}
