/**
 * A limit on failed sign-ins at one terminal across all account names. The per-account lockout
 * (lockout-gate.ts) stops guessing one account's password, but trying a few passwords on each of
 * many names stayed unlimited. A terminal's sign-in has one source (its own page: the Electron
 * IPC, or the host shell's page), so per terminal is per source. Only failures count, so clerks
 * signing in all day are never slowed; attempts still being checked count as failures until they
 * settle, so parallel attempts on many names cannot all slip in before the limit (as in
 * lockout-gate.ts).
 */
import { AppError } from '../../src-shared/api/errors.js';

export interface AttemptPolicy {
  maxFailures: number;
  windowMs: number;
}

export const TERMINAL_FAILURES: AttemptPolicy = { maxFailures: 20, windowMs: 10 * 60_000 };

export class TerminalAttempts {
  private windowStart = 0;
  private failures = 0;
  private inFlight = 0;

  constructor(
    private readonly now: () => Date,
    private readonly policy: AttemptPolicy = TERMINAL_FAILURES,
  ) {}

  /** Refuses at once while the terminal's failures (with those being checked) are spent. */
  check(): void {
    const t = this.now().getTime();
    if (t - this.windowStart >= this.policy.windowMs) {
      this.windowStart = t;
      this.failures = 0;
    }
    if (this.failures + this.inFlight >= this.policy.maxFailures) {
      const minutes = Math.max(1, Math.ceil((this.windowStart + this.policy.windowMs - t) / 60_000));
      throw new AppError('signin.too-many', `本机登录失败次数过多，请 ${minutes} 分钟后再试`, `Too many failed sign-ins at this terminal; try again in ${minutes} min`);
    }
  }

  /** A password is about to be checked: call in the same synchronous step as check(), then settle(). */
  reserve(): void {
    this.inFlight += 1;
  }

  settle(failed: boolean): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (failed) this.failures += 1;
  }
}

/** One count per terminal: the counter console and admin mode each hold clerk sessions on the same database. */
const perTerminal = new WeakMap<object, TerminalAttempts>();

export function terminalAttempts(terminal: object, now: () => Date): TerminalAttempts {
  let t = perTerminal.get(terminal);
  if (!t) perTerminal.set(terminal, (t = new TerminalAttempts(now)));
  return t;
}
