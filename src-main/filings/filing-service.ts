/**
 * Accepting a filing at the kiosk: validate, run the rules engine, store with its outbox row
 * and its photographs, hand to sync. The applicant's identity comes from the card read in this
 * process (seed 000 art. 7), never from what the renderer sends.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { ApplicantRecord, FilingRecord, FilingView, ParsedFilingDraft } from '../../src-shared/domain/filing.js';
import type { CheckView } from '../../src-shared/api/contract.js';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import { AppError } from '../../src-shared/api/errors.js';
import { readCaseNumber } from '../../src-shared/casenum/case-number.js';
import { enforcementTypeInfo } from '../../src-shared/casenum/type-codes.js';
import { validateIdNumber } from '../../src-shared/identity/id-number.js';
import { validateUscc } from '../../src-shared/identity/uscc.js';
import { readDraft } from '../../src-shared/domain/draft-facts.js';
import { checkFiling } from '../../src-shared/rules/index.js';
import { getFilingView, insertFiling, listFilingsByApplicant, applicantFiling, type FilingPage } from './filing-store.js';
import { bindDocuments, heldDocuments } from './document-store.js';
import type { Logger } from '../log/logger.js';

export interface FilingServiceDeps {
  db: Db;
  deviceId: string;
  court: CourtProfile;
  applicantKeySecret: string;
  now: () => Date;
  log: Logger;
  /** Called after a filing committed, so sync can push it at once. */
  onSubmitted?: (filing: FilingView) => void;
}

const RECEIPT_PREFIX = 'YZT1';

export class FilingService {
  constructor(private readonly deps: FilingServiceDeps) {}

  applicantKey(idNumber: string): string {
    return createHmac('sha256', this.deps.applicantKeySecret).update(idNumber.trim().toUpperCase()).digest('hex');
  }

  /** Field checks that need no rules engine: number formats, ID and credit code check digits. */
  private formatFields(draft: ParsedFilingDraft): Record<string, string> {
    const fields: Record<string, string> = {};
    const basis = readCaseNumber(draft.basisNumber, { now: this.deps.now() });
    if (!basis.ok && draft.basis?.kind !== 'arbitration-award' && draft.basis?.kind !== 'notarised-debt' && draft.basis?.kind !== 'labour-arbitration-award') {
      fields.basisNumber = basis.message_zh;
    }
    draft.respondents.forEach((r, i) => {
      if (!r.idNumber) return;
      const id = r.kind === 'person' ? validateIdNumber(r.idNumber) : validateUscc(r.idNumber);
      if (!id.ok) fields[`respondents.${i}.idNumber`] = id.message_zh;
    });
    for (const key of ['principal', 'company'] as const) {
      const p = draft[key];
      if (!p) continue;
      const id = p.kind === 'person' ? validateIdNumber(p.idNumber) : validateUscc(p.idNumber);
      if (!id.ok) fields[`${key}.idNumber`] = id.message_zh;
    }
    if (draft.filer === 'agent' && !draft.principal) fields.principal = '请填写被代理人（委托人）的信息';
    if (draft.filer === 'company' && !draft.company) fields.company = '请填写申请单位的信息';
    return fields;
  }

  check(draft: ParsedFilingDraft, applicant: ApplicantRecord): CheckView {
    const reading = readDraft(draft, applicant, this.deps.now());
    const r = checkFiling(reading.facts, this.deps.court, { now: this.deps.now() });
    const info = r.typeCode ? enforcementTypeInfo(r.typeCode) : undefined;
    const preOffered = draft.application.kind === 'first' && (this.deps.court.types ?? []).some((t) => t.code === '执前督');
    return {
      ok: r.ok && Object.keys(reading.fields).length === 0,
      typeCode: r.typeCode,
      typeLabel_zh: info?.name_zh ?? null,
      typeLabel_en: info?.name_en ?? null,
      findings: r.findings,
      money: reading.money,
      preEnforcementOffered: preOffered,
      fields: { ...reading.fields, ...this.formatFields(draft) },
    };
  }

  /** `holder`: the session whose photographs `draft.documentIds` may name. */
  submit(draft: ParsedFilingDraft, applicant: ApplicantRecord, holder = ''): FilingView {
    const now = this.deps.now();
    const fields = this.formatFields(draft);
    const reading = readDraft(draft, applicant, this.deps.now());
    Object.assign(fields, reading.fields);
    if (!draft.riskAcknowledged) fields.riskAcknowledged = '请阅读并确认《执行风险提示书》';
    if (!draft.consent?.kioskFiling || !draft.consent.personalData) fields.consent = '请先同意通过自助终端立案和使用个人信息';
    if (Object.keys(fields).length > 0 || !reading.money) {
      throw new AppError('validation', '请按提示修改标出的内容', 'Please correct the marked fields', fields);
    }
    const check = checkFiling(reading.facts, this.deps.court, { now });
    const blocking = check.findings.filter((f) => f.severity === 'block');
    if (!check.ok || !check.typeCode) {
      const byPath = Object.fromEntries(blocking.map((f) => [f.path ?? f.rule, f.message_zh]));
      throw new AppError('rules.blocked', blocking[0]?.message_zh ?? '此申请暂不能提交，请到窗口咨询', blocking[0]?.message_en ?? 'This application cannot be filed here; please ask at the counter', byPath);
    }
    const documents = heldDocuments(this.deps.db, holder, draft.documentIds);
    const basis = readCaseNumber(draft.basisNumber, { now });
    const written = draft.basisNumber.trim();
    const record: Omit<FilingRecord, 'provisionalNo'> = {
      id: randomUUID(),
      courtId: this.deps.court.id,
      courtCode: this.deps.court.code,
      typeCode: check.typeCode,
      submittedAt: now.toISOString(),
      applicant: {
        ...applicant,
        ...(draft.applicantPhone ? { phone: draft.applicantPhone } : {}),
        ...(draft.applicantAddress ? { address: draft.applicantAddress } : {}),
      },
      respondents: draft.respondents,
      basisNumber: basis.ok ? basis.canonical : written,
      ...(basis.ok && basis.warnings.length > 0 && written !== basis.canonical ? { basisNumberAsWritten: written } : {}),
      ...(draft.basis?.content ? { basisContent: draft.basis.content } : {}),
      amountFen: reading.money.totalFen > 0 ? reading.money.totalFen : reading.money.principalFen,
      filer: draft.filer,
      ...(draft.principal ? { principal: draft.principal } : {}),
      ...(draft.company ? { company: draft.company } : {}),
      facts: reading.facts as Record<string, unknown>,
      money: reading.money,
      ...(draft.payee ? { payee: draft.payee } : {}),
      ...(draft.propertyClues.length ? { propertyClues: draft.propertyClues } : {}),
      documents: documents.map((d) => ({ id: d.id, kind: d.kind, sha256: d.sha256, bytes: d.bytes })),
      ...(draft.riskAcknowledged ? { riskAcknowledgedAt: now.toISOString() } : {}),
      ...(draft.consent?.kioskFiling && draft.consent.personalData ? { consentAt: now.toISOString() } : {}),
      ...(draft.consent?.progressSms && draft.applicantPhone ? { smsConsentAt: now.toISOString() } : {}),
      ...(draft.duplicate ? { duplicate: draft.duplicate } : {}),
      deadlines: (check.deadlines ?? []).slice(0, 20).map((d) => ({ rule: d.rule, label_zh: d.label_zh, label_en: d.label_en, dueDate: d.dueDate, calendarConfirmed: d.calendarConfirmed })),
    };
    const view = insertFiling(this.deps.db, record, {
      deviceId: this.deps.deviceId,
      applicantKey: this.applicantKey(applicant.idNumber),
      now,
      within: (id) => bindDocuments(this.deps.db, holder, documents.map((d) => d.id), id),
    });
    this.deps.log.info('filing.stored', { filingId: view.id, provisionalNo: view.provisionalNo, typeCode: record.typeCode, documents: documents.length });
    this.deps.onSubmitted?.(view);
    return view;
  }

  listForApplicant(idNumber: string, before?: string): FilingPage {
    return listFilingsByApplicant(this.deps.db, this.applicantKey(idNumber), { before });
  }

  findForApplicant(idNumber: string, id: string): FilingView | undefined {
    return applicantFiling(this.deps.db, this.applicantKey(idNumber), id);
  }

  /** The code printed as QR on the receipt: the filing id and a tag only this kiosk can make. */
  receiptCode(filingId: string): string {
    return `${RECEIPT_PREFIX}:${filingId}:${this.receiptTag(filingId)}`;
  }

  byReceiptCode(code: string): FilingView | undefined {
    const m = /^YZT1:([0-9a-f-]{36}):([0-9a-f]{16})$/.exec(code.trim());
    if (!m?.[1] || !m[2]) return undefined;
    const expected = Buffer.from(this.receiptTag(m[1]));
    const given = Buffer.from(m[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    return getFilingView(this.deps.db, m[1]);
  }

  private receiptTag(filingId: string): string {
    return createHmac('sha256', this.deps.applicantKeySecret).update(`receipt:${filingId}`).digest('hex').slice(0, 16);
  }
}
