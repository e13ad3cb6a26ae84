/**
 * What an SMS may and may not carry. The return reasons a clerk typed are the one free text
 * that reaches a message, so every personal datum of the case record found in them, and any
 * long digit run or amount, is blanked before the message is queued.
 */
const MOBILE = /^1[3-9]\d{9}$/;

export function isMobile(phone: string | undefined | null): phone is string {
  return typeof phone === 'string' && MOBILE.test(phone.replace(/[\s-]/g, ''));
}

export function normaliseMobile(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

/** 13812341234 → 138****1234: how a number is shown on any screen. */
export function maskPhone(phone: string): string {
  const p = normaliseMobile(phone);
  return p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : '****';
}

/** Blanks `personal` strings (names, ID numbers, addresses, phones, accounts), long digit runs and amounts. */
export function scrubPersonal(text: string, personal: readonly string[]): string {
  let out = text;
  for (const p of [...personal].filter((s) => s.trim().length >= 2).sort((a, b) => b.length - a.length)) out = out.split(p).join('＊＊');
  return out
    .replace(/\d[\d,，.]*\s*(?:万元|元|万)/g, '＊＊')
    .replace(/[\dXx]{6,}/g, '＊＊');
}
