/**
 * `POST /v1/court/corrections` (court token): a counter clerk's correction of a verified item
 * applied to the case at the central, the authority. The central checks the typed value again,
 * changes the case record (never its official number), keeps the old value, the reason, the
 * clerk and its own time in the case's history, and publishes the corrected values with a case
 * change, so every kiosk and counter of the court shows them. `GET /v1/court/corrections?filing=`
 * reads that history. The id is the clerk's verification record id: a resend is applied once.
 */
import { z } from 'zod';
import { fieldCorrectionSchema, type CorrectedValues, type FieldCorrection } from '../domain/field-correction.js';

export const CORRECTIONS_PATH = '/v1/court/corrections';

const line = (max: number) => z.string().trim().min(1).max(max).regex(/^[^\u0000-\u001f\u007f]*$/u);

export const caseCorrectionSchema = z.strictObject({
  id: z.uuid(),
  /** The case by official number, provisional alias or filing id (the counter names it at send time). */
  number: z.string().min(1).max(64),
  clerk: line(64),
  terminal: line(64),
  reason: line(500),
  correction: fieldCorrectionSchema,
});
export type CaseCorrectionInput = z.output<typeof caseCorrectionSchema>;

/** One entry of a case's correction history, as the central keeps it. */
export interface CaseCorrectionEntry {
  id: string;
  filingId: string;
  field: FieldCorrection['field'];
  oldValue: string;
  newValue: string;
  correction: FieldCorrection;
  reason: string;
  clerk: string;
  terminal: string;
  /** The central's clock. */
  at: string;
}

export interface CaseCorrectionResponse {
  protocol: number;
  status: 'applied' | 'unchanged';
  officialNo: string;
  entry: CaseCorrectionEntry;
  corrected: CorrectedValues;
}

export interface CaseCorrectionsResponse {
  protocol: number;
  officialNo: string;
  corrected: CorrectedValues;
  history: CaseCorrectionEntry[];
}
