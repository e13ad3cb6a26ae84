/**
 * Filings for the sync load test, made by the kiosk's own code (FilingService.submit: the
 * draft is parsed, read into facts, checked by the rules and stored with its outbox row), so
 * what is pushed is what a kiosk pushes: records with facts, money, deadlines, a canonical
 * basis number. Each filing has its own basis number and respondent, as a day at a court has,
 * so the central's duplicate check looks up a handful of cases, not all of them.
 */
import type { Db } from '../db/open.js';
import type { Logger } from '../log/logger.js';
import type { CourtProfile } from '../../src-shared/courts/court-profile.js';
import { filingDraftSchema, type ApplicantRecord } from '../../src-shared/domain/filing.js';
import { idCheckChar } from '../../src-shared/identity/id-number.js';
import { chinaDate } from '../../src-shared/time/china-time.js';
import { FilingService } from '../filings/filing-service.js';

const first17 = '410811198001011230'.slice(0, 17);

export const LOADTEST_APPLICANT: ApplicantRecord = {
  cardKind: 'resident',
  name: '测试申请人',
  idNumber: first17 + idCheckChar(first17),
  genderCode: '1',
  birthDate: '19800101',
  address: '河南省焦作市山阳区测试路1号',
};

const DAY = 86_400_000;

/** The applicant's draft for filing `n`: a judgment that took effect two months ago, unpaid. */
export function loadtestDraft(n: number, now: Date, courtSuffix: string) {
  const effective = chinaDate(new Date(now.getTime() - 60 * DAY));
  const due = chinaDate(new Date(now.getTime() - 50 * DAY));
  const year = Number(effective.slice(0, 4));
  return filingDraftSchema.parse({
    basisNumber: `（${year}）${courtSuffix}民初${n + 1}号`,
    respondents: [{ kind: 'person', name: `被执行人${n + 1}`, address: '河南省焦作市山阳区测试路2号', phone: '13900000000' }],
    amountYuan: '12345.67',
    applicantPhone: '13800000000',
    basis: { kind: 'judgment', effectiveDate: effective, hasPaymentContent: true, content: '被告于判决生效后十日内偿还原告借款12345.67元', performanceDue: due },
    performed: { fully: false },
    payee: { accountName: '测试申请人', bank: '中国银行焦作分行', accountNumber: '6217000000000000018' },
    preEnforcement: { servedByPublicNotice: false, urgent: false, applicantRefuses: true },
    riskAcknowledged: true,
    consent: { kioskFiling: true, personalData: true },
  });
}

/** Files `count` applications on the kiosk database, each through FilingService.submit. */
export function fileLoadtestFilings(db: Db, o: { deviceId: string; court: CourtProfile; count: number; log: Logger; firstIndex?: number }): void {
  const service = new FilingService({ db, deviceId: o.deviceId, court: o.court, applicantKeySecret: 'loadtest', now: () => new Date(), log: o.log });
  const now = new Date();
  // The basis is a judgment of this court's own civil division (豫0811 for 山阳区).
  const suffix = o.court.code;
  // One transaction around them all: each submit is then a savepoint, and setting up 10,000
  // queued filings costs one fsync instead of 10,000 (the queue is the test's input, not its measure).
  db.transaction(() => {
    for (let i = 0; i < o.count; i++) service.submit(loadtestDraft((o.firstIndex ?? 0) + i, now, suffix), LOADTEST_APPLICANT);
  })();
}
