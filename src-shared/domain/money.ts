/** Money is kept as integer fen (分) everywhere; floats never touch an amount. */
export const MAX_AMOUNT_FEN = 10n ** 15n; // ten trillion yuan: far above any claim, below 2^53

export type MoneyParse = { ok: true; fen: number } | { ok: false; message_zh: string; message_en: string };

export function parseYuan(text: string): MoneyParse {
  // People write amounts as they see them on paper: ¥1,234.50, 1234.5元, RMB 1234.
  const s = text.replace(/[,，\s¥￥]/g, '').replace(/^(RMB|CNY|人民币)/i, '').replace(/元$/, '');
  const m = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return { ok: false, message_zh: '金额格式不对，请输入数字，最多两位小数', message_en: 'Enter an amount in yuan with at most two decimals' };
  const fen = BigInt(m[1] ?? '0') * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen <= 0n) return { ok: false, message_zh: '金额必须大于零', message_en: 'The amount must be above zero' };
  if (fen >= MAX_AMOUNT_FEN) return { ok: false, message_zh: '金额过大，请检查', message_en: 'The amount is too large' };
  return { ok: true, fen: Number(fen) };
}

/** Above this an amount is asked about (a digit too many is the usual slip): one hundred million yuan. */
export const LARGE_AMOUNT_FEN = 100_000_000 * 100;

export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

export type InterestResult = { ok: true; fen: number; days: number } | { ok: false; message_zh: string; message_en: string };

/**
 * Simple interest on `baseFen` at `ratePercent` a year (up to 4 decimals) over the days from
 * `from` to `to` (actual/365), rounded half up to the fen. Integer arithmetic only.
 */
export function simpleInterestFen(baseFen: number, ratePercent: string, days: number): InterestResult {
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(ratePercent.replace(/[%％\s]/g, ''));
  if (!m) return { ok: false, message_zh: '年利率请填数字，例如 3.85', message_en: 'Enter the yearly rate as a number, e.g. 3.85' };
  if (!Number.isInteger(days) || days < 0) return { ok: false, message_zh: '计息截止日不能早于起算日', message_en: 'The end date is before the start date' };
  const rate = BigInt(m[1] ?? '0') * 10000n + BigInt((m[2] ?? '').padEnd(4, '0')); // 1e-4 percent units
  const denom = 100n * 10000n * 365n;
  const num = BigInt(baseFen) * rate * BigInt(days);
  return { ok: true, fen: Number((num * 2n + denom) / (2n * denom)), days };
}
