/**
 * Keyboard-wedge scanners type like a keyboard; what tells them from a person is timing.
 * Defaults follow onScan.js: at most 30 ms per character on average, at least 6 characters,
 * ending in Enter or Tab (hardware.md section 2). Pure state machine: feed it (key, time)
 * from keydown events; it never reads a clock, so the renderer owns the timers.
 *
 * The renderer holds keystrokes back while a burst is undecided and replays `typed` keys
 * into the focused field, so a person typing at the counter loses nothing.
 */

export interface WedgeOptions {
  /** Highest average gap between characters of a scan, ms (onScan.js avgTimeByChar). */
  avgGapMs?: number;
  /** A single gap longer than this ends a burst, ms (default 3 x avgGapMs). */
  breakGapMs?: number;
  minLength?: number;
  /** `KeyboardEvent.key` values that end a scan. */
  suffixKeys?: readonly string[];
}

export type WedgeEvent =
  | { type: 'scan'; text: string; startedAt: number; endedAt: number; avgGapMs: number }
  /** Keys a person typed, in order, to be passed on unchanged (suffix and named keys included). */
  | { type: 'typed'; keys: string[] };

/** Modifier keydowns arrive inside scanner bursts (Shift for capitals) and carry no character. */
const IGNORED = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'NumLock', 'AltGraph']);

export class WedgeClassifier {
  private readonly avgGapMs: number;
  private readonly breakGapMs: number;
  private readonly minLength: number;
  private readonly suffixKeys: ReadonlySet<string>;
  private chars: string[] = [];
  private firstAt = 0;
  private lastAt = 0;

  constructor(opts: WedgeOptions = {}) {
    this.avgGapMs = opts.avgGapMs ?? 30;
    this.breakGapMs = opts.breakGapMs ?? 3 * this.avgGapMs;
    this.minLength = opts.minLength ?? 6;
    this.suffixKeys = new Set(opts.suffixKeys ?? ['Enter', 'Tab']);
  }

  /** True while keys are held back waiting for the burst to be decided. */
  get pending(): boolean {
    return this.chars.length > 0;
  }

  feed(key: string, at: number): WedgeEvent[] {
    if (IGNORED.has(key)) return [];
    const out = this.tick(at);
    if (this.suffixKeys.has(key)) {
      out.push(...this.finish(key, at));
      return out;
    }
    if ([...key].length !== 1) {
      // Backspace, arrows and the like: a person is editing.
      out.push({ type: 'typed', keys: [...this.take(), key] });
      return out;
    }
    if (this.chars.length === 0) this.firstAt = at;
    this.chars.push(key);
    this.lastAt = at;
    return out;
  }

  /** Call on a timer (e.g. every breakGapMs): releases keys once the burst has gone quiet. */
  tick(now: number): WedgeEvent[] {
    if (this.chars.length > 0 && now - this.lastAt > this.breakGapMs) return [{ type: 'typed', keys: this.take() }];
    return [];
  }

  private finish(suffix: string, at: number): WedgeEvent[] {
    const n = this.chars.length;
    if (n === 0) return [{ type: 'typed', keys: [suffix] }];
    const avgGapMs = (at - this.firstAt) / n; // n gaps: between n characters and the suffix
    if (n >= this.minLength && avgGapMs <= this.avgGapMs) {
      const startedAt = this.firstAt;
      return [{ type: 'scan', text: this.take().join(''), startedAt, endedAt: at, avgGapMs }];
    }
    return [{ type: 'typed', keys: [...this.take(), suffix] }];
  }

  private take(): string[] {
    const keys = this.chars;
    this.chars = [];
    return keys;
  }
}
