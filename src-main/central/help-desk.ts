/**
 * The central's calls for staff: raised by a kiosk (signed, so the court is the one the central
 * enrolled the device for, never one the kiosk names), read and acknowledged by that court's
 * counter PCs with their court token. The calls are kept in the central's store, so a restart
 * of the gateway keeps the open calls and who took them; this desk tells the long-polls
 * waiting on a court or a call when one changed.
 */
import type { HelpCallView, HelpPlace } from '../../src-shared/api/help.js';
import type { HelpCallStore } from './help-call-sql.js';

export class HelpDesk {
  constructor(
    private readonly calls: HelpCallStore,
    private readonly onChange: (courtCode: string, id: string) => void,
  ) {}

  version(courtCode: string): Promise<number> {
    return this.calls.helpVersion(courtCode);
  }

  /** Raises a call, or answers the one already raised with this id (a resend after a lost answer or a restart). */
  async raise(device: { deviceId: string; courtCode: string }, call: { id: string; place: HelpPlace; kioskName: string }, now: Date): Promise<HelpCallView | null> {
    const r = await this.calls.raiseHelpCall({ device, call, now });
    if (r?.changed) this.onChange(device.courtCode, call.id);
    return r?.call ?? null;
  }

  /** The device's own call; null for another device's, a finished or an unknown id. */
  get(deviceId: string, id: string, now: Date): Promise<HelpCallView | null> {
    return this.calls.helpCall(deviceId, id, now);
  }

  async cancel(deviceId: string, id: string, now: Date): Promise<boolean> {
    const court = await this.calls.cancelHelpCall(deviceId, id, now);
    if (court) this.onChange(court, id);
    return court !== null;
  }

  /** The court's calls still waiting, and those acknowledged a short while ago; oldest first. */
  open(courtCode: string, now: Date): Promise<HelpCallView[]> {
    return this.calls.openHelpCalls(courtCode, now);
  }

  /** A clerk of `courtCode` (null: the gateway's admin token) takes the call. */
  async acknowledge(courtCode: string | null, id: string, by: string, now: Date): Promise<HelpCallView | 'not-found' | 'wrong-court'> {
    const r = await this.calls.acknowledgeHelpCall(courtCode, id, by, now);
    if (typeof r === 'string') return r;
    if (r.changed) this.onChange(r.courtCode, id);
    return r.call;
  }
}
