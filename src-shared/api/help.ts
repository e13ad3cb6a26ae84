/**
 * 「呼叫工作人员」: a kiosk asks the counter for a person. The call carries the kiosk's name and
 * the step the applicant is on, and nothing about the applicant: it is shown on counter PCs and
 * in admin mode, screens that other people see.
 */
import { z } from 'zod';
import { STEP_ORDER, STEP_TEXT, type StepId } from '../i18n/applicant-texts.js';

/** Where an applicant can be when they call: a wizard step or one of the other screens. */
export const HELP_PLACES = ['attract', 'status', 'resume', 'result', 'handover', 'consent', 'who', 'basis', 'respondents', 'money', 'documents', 'risk', 'review'] as const;
// Every wizard step is a place.
const _stepsArePlaces: readonly (typeof HELP_PLACES)[number][] = STEP_ORDER;
void _stepsArePlaces;
export type HelpPlace = (typeof HELP_PLACES)[number];

const OTHER_PLACES: Record<Exclude<HelpPlace, StepId>, { zh: string; en: string }> = {
  attract: { zh: '首页', en: 'start screen' },
  status: { zh: '查询进度', en: 'status query' },
  resume: { zh: '继续上次的申请', en: 'resuming a saved application' },
  result: { zh: '提交完成', en: 'filing submitted' },
  handover: { zh: '交给窗口办理', en: 'handed to the counter' },
};

export function placeLabel(place: HelpPlace): { zh: string; en: string } {
  const step = STEP_ORDER.indexOf(place as StepId);
  if (step >= 0) {
    const t = STEP_TEXT[place as StepId];
    return { zh: `第${step + 1}步 ${t.title_zh}`, en: `step ${step + 1}, ${t.title_en}` };
  }
  return OTHER_PLACES[place as Exclude<HelpPlace, StepId>];
}

/**
 * sending: on its way to the central; waiting: the counter has it; acknowledged: a clerk is
 * coming; unreachable: it did not reach the counter (the applicant is told to go to the window).
 */
export type HelpStatus = 'sending' | 'waiting' | 'acknowledged' | 'unreachable';

export interface HelpCallView {
  id: string;
  deviceId: string;
  kioskName: string;
  place: HelpPlace;
  calledAt: string;
  status: HelpStatus;
  acknowledgedAt: string | null;
  /** The clerk's display name (staff, not personal data of an applicant). */
  acknowledgedBy: string | null;
}

/** The wire form between kiosk, central and counter: the same view, as the central holds it. */
export const helpCallSchema = z.strictObject({
  id: z.uuid(),
  deviceId: z.string().min(1).max(80),
  kioskName: z.string().max(60),
  place: z.enum(HELP_PLACES),
  calledAt: z.string().max(40),
  status: z.enum(['sending', 'waiting', 'acknowledged', 'unreachable']),
  acknowledgedAt: z.string().max(40).nullable(),
  acknowledgedBy: z.string().max(60).nullable(),
});

export const helpInputs = {
  /** Calls a clerk to this kiosk; answers at once with the call as sent (or not). */
  'help.call': z.strictObject({ place: z.enum(HELP_PLACES) }),
  /** This kiosk's latest call, if any (admin mode, and the page after a reload). */
  'help.current': z.null(),
  /** The applicant no longer needs the call (or the session ended). */
  'help.cancel': z.null(),
  /** Counter console: the court's open calls. */
  'counter.help.list': z.strictObject({ token: z.string().min(16).max(128) }),
  /** Counter console: a clerk takes the call; the kiosk says 「工作人员马上就到」. */
  'counter.help.ack': z.strictObject({ token: z.string().min(16).max(128), id: z.uuid() }),
} as const;

export type HelpMethod = keyof typeof helpInputs;

export interface HelpOutputs {
  'help.call': HelpCallView;
  'help.current': HelpCallView | null;
  'help.cancel': null;
  'counter.help.list': HelpCallView[];
  'counter.help.ack': HelpCallView;
}
