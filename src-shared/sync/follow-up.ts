/**
 * `POST /v1/court/follow-up`: a follow-up filing the court itself creates from one of its cases
 * (issue 13): a first enforcement (执) after a failed 执前督, a resumed enforcement (执恢) when a
 * closed (终本) case is resumed at the counter. The counter names the origin case and what
 * happened; the central decides the type from those and numbers it like every filing. There is
 * no type in the request, so none can be claimed: an unknown key is a malformed request.
 */
import { z } from 'zod';

export const FOLLOW_UP_EVENTS = ['pre-enforcement-failed', 'resumed'] as const;
export type FollowUpEvent = (typeof FOLLOW_UP_EVENTS)[number];

export const followUpRequestSchema = z.strictObject({
  /** The new filing's id, made by the counter: a resend answers the case already made. */
  id: z.uuid(),
  /** The origin case: official number or filing id. */
  origin: z.string().min(1).max(64),
  event: z.enum(FOLLOW_UP_EVENTS),
});
export type FollowUpRequest = z.output<typeof followUpRequestSchema>;

export interface FollowUpResponse {
  protocol: number;
  filingId: string;
  officialNo: string;
  typeCode: string;
  acceptedAt: string;
  /** The origin case's official number. */
  follows: string;
  event: FollowUpEvent;
  /** False when this answers a follow-up made before (a resend, or another counter PC's). */
  created: boolean;
}
