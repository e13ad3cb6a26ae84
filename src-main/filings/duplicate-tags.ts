/**
 * Keyed tags of the people a duplicate check compares (issue 12 item 4): the applicant's ID
 * number and each respondent's ID number or name, as HMAC-SHA256 under the kiosk's own device
 * secret, which the central also holds. The query to the central carries these tags only, never
 * a number or a name; the central recomputes them from the cases it holds under the same key.
 */
import { createHmac } from 'node:crypto';

const norm = (s: string) => s.replace(/\s+/gu, '').toUpperCase();

export function personTag(secret: string, kind: 'applicant' | 'respondent', value: string): string {
  return createHmac('sha256', secret).update(`yzt-dup:${kind}:${norm(value)}`).digest('base64url');
}

/** A respondent is named by its ID number when known, else by its name: both are tagged. */
export function respondentTags(secret: string, r: { name: string; idNumber?: string | undefined }): string[] {
  return [personTag(secret, 'respondent', `name:${r.name}`), ...(r.idNumber ? [personTag(secret, 'respondent', `id:${r.idNumber}`)] : [])];
}
