/**
 * The central's calls for staff: raised by a kiosk (signed, so the court is the one the central
 * enrolled the device for, never one the kiosk names), read and acknowledged by that court's
 * counter PCs with their court token. Calls live in memory: they matter for minutes, a kiosk
 * re-sends its open call when it reconnects, and a gateway restart loses nothing a person
 * waits for longer than that resend.
 */
import type { HelpCallView, HelpPlace } from '../../src-shared/api/help.js';

/** A call nobody took is dropped after this long; the kiosk has said to go to the window by then. */
export const HELP_CALL_TTL_MS = 30 * 60_000;
/** An acknowledged call stays on the counters' lists this long, so the other clerks see who went. */
export const HELP_ACK_SHOWN_MS = 5 * 60_000;

interface HeldCall extends HelpCallView {
  courtCode: string;
  /** The court's change counter when this call last changed. */
  version: number;
}

export class HelpDesk {
  private readonly calls = new Map<string, HeldCall>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly onChange: (courtCode: string, id: string) => void) {}

  version(courtCode: string): number {
    return this.versions.get(courtCode) ?? 0;
  }

  private bump(call: HeldCall): void {
    const v = this.version(call.courtCode) + 1;
    this.versions.set(call.courtCode, v);
    call.version = v;
    this.onChange(call.courtCode, call.id);
  }

  private sweep(now: Date): void {
    for (const [id, c] of this.calls) {
      const age = now.getTime() - Date.parse(c.calledAt);
      if (age > HELP_CALL_TTL_MS) this.calls.delete(id);
    }
  }

  /** Raises a call, or answers the one already raised with this id (a resend after a lost answer). */
  raise(device: { deviceId: string; courtCode: string }, call: { id: string; place: HelpPlace; kioskName: string }, now: Date): HelpCallView | null {
    this.sweep(now);
    const held = this.calls.get(call.id);
    if (held) return held.deviceId === device.deviceId ? view(held) : null;
    const c: HeldCall = { ...call, deviceId: device.deviceId, courtCode: device.courtCode, calledAt: now.toISOString(), status: 'waiting', acknowledgedAt: null, acknowledgedBy: null, version: 0 };
    this.calls.set(c.id, c);
    this.bump(c);
    return view(c);
  }

  /** The device's own call; null for another device's or an unknown id. */
  get(deviceId: string, id: string): HelpCallView | null {
    const c = this.calls.get(id);
    return c && c.deviceId === deviceId ? view(c) : null;
  }

  cancel(deviceId: string, id: string): boolean {
    const c = this.calls.get(id);
    if (!c || c.deviceId !== deviceId) return false;
    this.calls.delete(id);
    this.bump(c);
    return true;
  }

  /** The court's calls still waiting, and those acknowledged a short while ago; oldest first. */
  open(courtCode: string, now: Date): HelpCallView[] {
    this.sweep(now);
    return [...this.calls.values()]
      .filter((c) => c.courtCode === courtCode && (c.status === 'waiting' || now.getTime() - Date.parse(c.acknowledgedAt ?? '') < HELP_ACK_SHOWN_MS))
      .sort((a, b) => a.calledAt.localeCompare(b.calledAt))
      .map(view);
  }

  /** A clerk of `courtCode` (null: the gateway's admin token) takes the call. */
  acknowledge(courtCode: string | null, id: string, by: string, now: Date): HelpCallView | 'not-found' | 'wrong-court' {
    const c = this.calls.get(id);
    if (!c) return 'not-found';
    if (courtCode !== null && c.courtCode !== courtCode) return 'wrong-court';
    if (c.status !== 'acknowledged') {
      c.status = 'acknowledged';
      c.acknowledgedAt = now.toISOString();
      c.acknowledgedBy = by;
      this.bump(c);
    }
    return view(c);
  }
}

function view(c: HeldCall): HelpCallView {
  const { courtCode: _c, version: _v, ...rest } = c;
  return rest;
}
