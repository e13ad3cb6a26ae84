/** The read-aloud voice's part of the contract (`speech.say`): a sentence in, audio out. */
import { z } from 'zod';

export const speechInputs = {
  /** Speech for the page to play when the browser has no voice of its own for the language. */
  'speech.say': z.strictObject({ text: z.string().trim().min(1).max(4000), lang: z.enum(['zh', 'en']) }),
} as const;

export type SpeechMethod = keyof typeof speechInputs;

export interface SpeechAudio {
  mime: 'audio/wav';
  audioBase64: string;
  seconds: number;
}

export interface SpeechOutputs {
  'speech.say': SpeechAudio;
}
