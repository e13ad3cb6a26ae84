/** One result line of a filing check, shown to the applicant (Chinese first) and the clerk. */
export type Severity = 'block' | 'warn' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  message_zh: string;
  message_en: string;
  /** The seed article (or law) the rule comes from, e.g. `seed 001 art. 7(1)`. */
  source: string;
  /** The input field the finding is about, e.g. `applicants.0.idNumber`. */
  path?: string;
}

export function finding(rule: string, severity: Severity, message_zh: string, message_en: string, source: string, path?: string): Finding {
  const f: Finding = { rule, severity, message_zh, message_en, source };
  if (path !== undefined) f.path = path;
  return f;
}
