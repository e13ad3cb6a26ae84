/**
 * Lockout that holds under parallel attempts. The slow password hash is asynchronous, so a
 * count read before it and written after it lets every attempt already in flight through
 * (48 clerk passwords were checked before a limit of 5 took). Here an attempt is admitted
 * before the hash runs, in one synchronous step that counts the attempts still being checked,
 * and settled in another: at most `maxFailures` attempts per account are checked before a lock.
 */
export interface LockState {
  /** Failed attempts since the last success or lock. */
  failures: number;
  /** ISO instant; null when not locked. */
  lockedUntil: string | null;
}

/** Storage for one account's state; `update` runs its callback atomically (a SQLite transaction). */
export interface LockStore {
  update<T>(fn: (state: LockState) => { next: LockState; result: T }): T;
}

export type Admission = { admitted: true } | { admitted: false; lockedUntil: string | null };

export interface FailureVerdict {
  locked: boolean;
  lockedUntil: string | null;
  failures: number;
}

export interface LockPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export class LockoutGate {
  /** Attempts admitted and not yet settled, per account. Sign-in runs in one process, so memory is enough. */
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly policy: LockPolicy) {}

  /** Admit an attempt before checking it; refuse at once while locked or while the limit is already being checked. */
  admit(name: string, store: LockStore, at: Date): Admission {
    const pending = this.inFlight.get(name) ?? 0;
    const admission = store.update<Admission>((s) => {
      const state = s.lockedUntil && s.lockedUntil <= at.toISOString() ? { failures: 0, lockedUntil: null } : s;
      if (state.lockedUntil) return { next: state, result: { admitted: false, lockedUntil: state.lockedUntil } };
      if (state.failures + pending >= this.policy.maxFailures) return { next: state, result: { admitted: false, lockedUntil: null } };
      return { next: state, result: { admitted: true } };
    });
    if (admission.admitted) this.inFlight.set(name, pending + 1);
    return admission;
  }

  /** An admitted attempt was wrong: lock once the failures reach the limit. */
  fail(name: string, store: LockStore, at: Date): FailureVerdict {
    this.release(name);
    return store.update<FailureVerdict>((s) => {
      if (s.lockedUntil && s.lockedUntil > at.toISOString()) return { next: s, result: { locked: true, lockedUntil: s.lockedUntil, failures: s.failures } };
      const failures = s.failures + 1;
      if (failures < this.policy.maxFailures) return { next: { failures, lockedUntil: null }, result: { locked: false, lockedUntil: null, failures } };
      const lockedUntil = new Date(at.getTime() + this.policy.lockMinutes * 60_000).toISOString();
      return { next: { failures: 0, lockedUntil }, result: { locked: true, lockedUntil, failures } };
    });
  }

  /** An admitted attempt was right: clear the failures, unless a parallel failure locked the account meanwhile. */
  succeed(name: string, store: LockStore, at: Date): Admission {
    this.release(name);
    return store.update<Admission>((s) => {
      if (s.lockedUntil && s.lockedUntil > at.toISOString()) return { next: s, result: { admitted: false, lockedUntil: s.lockedUntil } };
      return { next: { failures: 0, lockedUntil: null }, result: { admitted: true } };
    });
  }

  private release(name: string): void {
    const n = (this.inFlight.get(name) ?? 1) - 1;
    if (n > 0) this.inFlight.set(name, n);
    else this.inFlight.delete(name);
  }
}

/**
 * Attempts on names that have no account (or a disabled one) are counted in memory the same
 * way, so a lock message cannot tell whether an account exists. Bounded: oldest names go first.
 */
export class MemoryLockStores {
  private readonly states = new Map<string, LockState>();

  constructor(private readonly maxNames = 10_000) {}

  for(name: string): LockStore {
    return {
      update: (fn) => {
        const { next, result } = fn(this.states.get(name) ?? { failures: 0, lockedUntil: null });
        this.states.delete(name);
        if (next.failures > 0 || next.lockedUntil) this.states.set(name, next);
        while (this.states.size > this.maxNames) this.states.delete(this.states.keys().next().value as string);
        return result;
      },
    };
  }
}
