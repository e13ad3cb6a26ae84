/**
 * Masking for screens that other people in the lobby can see.
 * The rule (keep the first 3 and last 4 of an ID number) follows common court practice
 * for published documents; it leaves enough for the owner to recognise their own number.
 */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  if (s.length <= 7) return '*'.repeat(s.length);
  return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
}

/** Keeps the surname (first character) of a personal name. */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** Keeps the last 4 digits of a bank account or phone number. */
export function maskTail(value: string, keep = 4): string {
  const s = value.replace(/\s+/g, '');
  if (s.length <= keep) return s;
  return '*'.repeat(s.length - keep) + s.slice(-keep);
}
