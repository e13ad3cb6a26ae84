/**
 * The kiosk voice (espeak-ng in the main process): how long an applicant waits between tapping
 * 「朗读」 and the audio arriving, for a one-line instruction and for the whole risk notice, and
 * how long the audio then plays.
 */
import { synthesize } from '../src-main/speech/espeak.js';
import { parseWav } from '../src-main/speech/wav.js';
import { STEP_TEXT, RISK_NOTICE } from '../src-shared/i18n/applicant-texts.js';
import { speakable } from '../src-shared/i18n/speakable.js';
import { latencyFigures, type Figure } from './bench-kit.js';

async function timed(text: string, runs: number): Promise<{ ms: number[]; seconds: number }> {
  const ms: number[] = [];
  let seconds = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const wav = await synthesize(text, 'zh');
    ms.push(performance.now() - t0);
    seconds = parseWav(wav).seconds;
  }
  return { ms, seconds };
}

export async function bench(): Promise<Figure[]> {
  const line = await timed(STEP_TEXT.consent.say_zh, 10);
  const notice = await timed(speakable(RISK_NOTICE.map((p) => p.zh).join('\n'), 'zh'), 5);
  return [
    ...latencyFigures('speech: instruction to WAV', line.ms, `${STEP_TEXT.consent.say_zh.length} characters`),
    { name: 'speech: instruction audio', value: Math.round(line.seconds * 10) / 10, unit: 's' },
    ...latencyFigures('speech: risk notice to WAV', notice.ms, `${RISK_NOTICE.map((p) => p.zh).join('').length} characters`),
    { name: 'speech: risk notice audio', value: Math.round(notice.seconds * 10) / 10, unit: 's' },
  ];
}
