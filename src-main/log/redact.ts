/**
 * Second line of defence for the log: callers log ids and codes, never personal data, but a
 * field that slips through is blanked here by key and by shape.
 */
const PERSONAL_KEYS = /^(name|names|idnumber|id_number|address|phone|mobile|account|bankaccount|photo|photowlt|fingerprint|card|applicant|respondents?|principal|agent|record|record_json|body_json)$/i;
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;
// Bank accounts, phone numbers with prefixes; not the last group of a UUID, which is twelve
// digits about once in 300 ids and made filing ids in the log unreadable.
const LONG_DIGITS = /(?<![0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-)\b\d{12,}\b/g;

export function redactString(s: string): string {
  return s.replace(ID_NUMBER, '[id]').replace(LONG_DIGITS, '[digits]');
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[deep]';
  if (typeof value === 'string') return redactString(value);
  if (value instanceof Uint8Array) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redactString(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = PERSONAL_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}
