/**
 * The contract's `speech.say`: the page asks for a sentence and gets WAV bytes to play in an
 * <audio> element, which works the same in the Electron window and in Chromium from the host
 * shell. One voice at a time: a new request stops the one still being made, as a new tap on
 * "朗读" should. What is spoken may be personal (the review summary), so the log gets lengths,
 * never the text.
 */
import { AppError } from '../../src-shared/api/errors.js';
import type { SpeechAudio } from '../../src-shared/api/speech.js';
import type { Logger } from '../log/logger.js';
import { SpeechUnavailable, synthesize, type SpeechLang } from './espeak.js';
import { parseWav } from './wav.js';

export const SPEECH_UNAVAILABLE = new AppError('speech.unavailable', '本机暂时无法朗读，请阅读屏幕上的文字，或请工作人员帮助', 'Read-aloud is not available on this kiosk; please read the screen or ask the staff');

export class SpeechService {
  private current: AbortController | null = null;

  constructor(private readonly o: { log: Logger; program?: string }) {}

  async say(text: string, lang: SpeechLang): Promise<SpeechAudio> {
    this.current?.abort();
    const mine = new AbortController();
    this.current = mine;
    try {
      const wav = await synthesize(text, lang, { signal: mine.signal, ...(this.o.program ? { program: this.o.program } : {}) });
      const seconds = parseWav(wav).seconds;
      this.o.log.debug('speech.made', { lang, chars: text.length, seconds: Math.round(seconds * 10) / 10 });
      return { mime: 'audio/wav', audioBase64: wav.toString('base64'), seconds };
    } catch (e) {
      if (mine.signal.aborted) throw new AppError('speech.superseded', '已改为朗读新的内容', 'Replaced by newer speech');
      this.o.log.warn('speech.failed', { lang, chars: text.length, detail: e instanceof SpeechUnavailable ? e.detail : String(e) });
      throw SPEECH_UNAVAILABLE;
    } finally {
      if (this.current === mine) this.current = null;
    }
  }

  /** Stops a synthesis in progress (session ended). */
  stop(): void {
    this.current?.abort();
  }
}
