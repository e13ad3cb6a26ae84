/**
 * Accepting a filing at the kiosk: validate, store with its outbox row, hand to sync.
 * The applicant's identity comes from the card read in this process (seed 000 art. 7),
 * never from what the renderer sends.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Db } from '../db/open.js';
import type { ApplicantRecord, FilingRecord, FilingView } from '../../src-shared/domain/filing.js';
import type { ApiParsedInput } from '../../src-shared/api/contract.js';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import { AppError } from '../../src-shared/api/errors.js';
import { parseCaseNumber } from '../../src-shared/casenum/case-number.js';
import { validateIdNumber } from '../../src-shared/identity/id-number.js';
import { parseYuan } from '../../src-shared/domain/money.js';
import { insertFiling, listFilingsByApplicant } from './filing-store.js';
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

export class FilingService {
  constructor(private readonly deps: FilingServiceDeps) {}

  applicantKey(idNumber: string): string {
    return createHmac('sha256', this.deps.applicantKeySecret).update(idNumber.trim().toUpperCase()).digest('hex');
  }

  submit(draft: ApiParsedInput<'filing.submit'>, applicant: ApplicantRecord): FilingView {
    const fields: Record<string, string> = {};
    const basis = parseCaseNumber(draft.basisNumber, { now: this.deps.now() });
    if (!basis.ok) fields.basisNumber = basis.message_zh;
    const amount = parseYuan(draft.amountYuan);
    if (!amount.ok) fields.amountYuan = amount.message_zh;
    draft.respondents.forEach((r, i) => {
      if (r.kind === 'person' && r.idNumber) {
        const id = validateIdNumber(r.idNumber);
        if (!id.ok) fields[`respondents.${i}.idNumber`] = id.message_zh;
      }
    });
    if (!basis.ok || !amount.ok || Object.keys(fields).length > 0) {
      throw new AppError('validation', '请按提示修改标出的内容', 'Please correct the marked fields', fields);
    }
    const now = this.deps.now();
    const record: Omit<FilingRecord, 'provisionalNo'> = {
      id: randomUUID(),
      courtId: this.deps.court.id,
      courtCode: this.deps.court.code,
      typeCode: '执',
      submittedAt: now.toISOString(),
      applicant: { ...applicant, ...(draft.applicantPhone ? { phone: draft.applicantPhone } : {}) },
      respondents: draft.respondents,
      basisNumber: basis.canonical,
      amountFen: amount.fen,
    };
    const view = insertFiling(this.deps.db, record, { deviceId: this.deps.deviceId, applicantKey: this.applicantKey(applicant.idNumber), now });
    this.deps.log.info('filing.stored', { filingId: view.id, provisionalNo: view.provisionalNo, typeCode: record.typeCode });
    this.deps.onSubmitted?.(view);
    return view;
  }

  listForApplicant(idNumber: string): FilingView[] {
    return listFilingsByApplicant(this.deps.db, this.applicantKey(idNumber));
  }
}
