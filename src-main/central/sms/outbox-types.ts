/** The progress-SMS part of the central store (issue 14 point 6), on SQLite and PostgreSQL alike. */
import type { SmsEvent, SmsTemplate } from '../../../src-shared/sms/sms-events.js';
import type { SilentCase, SmsHistoryEntry } from '../../../src-shared/sync/sms.js';

/** A message claimed for sending: the phone is personal data, kept out of logs. */
export interface DueSms {
  id: number;
  filingId: string;
  courtCode: string;
  event: SmsEvent;
  phone: string;
  text: string;
  attempts: number;
}

export interface SmsOutboxStore {
  templates(courtCode: string): Promise<SmsTemplate[]>;
  putTemplate(courtCode: string, t: SmsTemplate, by: string, now: Date): Promise<void>;
  /**
   * Claims up to `limit` queued messages whose time has come: each claimed row's next attempt
   * moves `leaseMs` ahead, so a second gateway (PostgreSQL) or a tick that overlaps never sends it too.
   */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<DueSms[]>;
  markSent(id: number, msgIds: string[], now: Date): Promise<void>;
  /** `retryAt` null: given up (the message stays in the case history as failed). */
  markFailed(id: number, error: string, retryAt: Date | null, now: Date): Promise<void>;
  /** The messages of a case, phones masked; null when the case is unknown (or of another court). */
  history(number: string, courtCode?: string): Promise<SmsHistoryEntry[] | null>;
  /** Cases of the court whose last change is older than `days` and was not told by SMS (seed 004 group 7 item 10). */
  silentCases(courtCode: string, days: number, now: Date): Promise<SilentCase[]>;
}
