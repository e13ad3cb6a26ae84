/**
 * The read-aloud voice that is always on the kiosk: real espeak-ng, real WAV. The audio must
 * be speech, not silence or a click: its length fits the text and its loudness is well above
 * the noise floor. Through the contract's dispatch too, as the page calls it.
 */
import { describe, expect, it } from 'vitest';
import { SpeechService } from '../../../src-main/speech/speech-service.js';
import { parseWav, rms16 } from '../../../src-main/speech/wav.js';
import { synthesize } from '../../../src-main/speech/espeak.js';
import { dispatch } from '../../../src-main/app/dispatch.js';
import { createLogger } from '../../../src-main/log/logger.js';
import type { ApiHandlers } from '../../../src-shared/api/contract.js';
import { speakable } from '../../../src-shared/i18n/speakable.js';
import { RISK_NOTICE } from '../../../src-shared/i18n/applicant-texts.js';

function measure(wav: Buffer) {
  const info = parseWav(wav);
  return { info, rms: rms16(wav, info) };
}

describe('espeak-ng voice', () => {
  it('speaks a Chinese instruction as audible audio of a plausible length', async () => {
    const text = '请将您本人的身份证放在读卡区';
    const { info, rms } = measure(await synthesize(text, 'zh'));
    expect(info.bitsPerSample).toBe(16);
    expect(info.channels).toBe(1);
    // Between 1.5 and 6 syllables a second at the slowed rate: 14 characters take 2.3 to 9.3 s.
    expect(info.seconds).toBeGreaterThan(14 / 6);
    expect(info.seconds).toBeLessThan(14 / 1.5);
    expect(rms).toBeGreaterThan(0.02);
  });

  it('writes the real sizes into the WAV header', async () => {
    const wav = await synthesize('执行', 'zh');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    const info = parseWav(wav);
    expect(wav.readUInt32LE(info.dataOffset - 4)).toBe(info.dataBytes);
    expect(info.dataOffset + info.dataBytes).toBe(wav.length);
  });

  it('reads a case number digit by digit, so it takes longer than the number as written', async () => {
    const number = '（2026）豫0811执12号';
    const spelled = speakable(`您的案号是${number}`, 'zh');
    expect(spelled).toContain('二 零 二 六');
    expect(spelled).toContain('零 八 一 一');
    const { info, rms } = measure(await synthesize(spelled, 'zh'));
    expect(rms).toBeGreaterThan(0.02);
    expect(info.seconds).toBeGreaterThan(4);
    expect(info.seconds).toBeLessThan(20);
  });

  it('speaks English too', async () => {
    const text = 'Place your ID card on the reader';
    const { info, rms } = measure(await synthesize(text, 'en'));
    expect(info.seconds).toBeGreaterThan(1);
    expect(info.seconds).toBeLessThan(6);
    expect(rms).toBeGreaterThan(0.02);
  });

  it('answers speech.say through the contract with a playable WAV, and logs no text', async () => {
    const sink: string[] = [];
    const log = createLogger({ sink, level: 'debug' });
    const speech = new SpeechService({ log });
    const handlers = { 'speech.say': ({ text, lang }: { text: string; lang: 'zh' | 'en' }) => speech.say(text, lang) } as unknown as ApiHandlers;
    const text = RISK_NOTICE[0]!.zh;
    const r = await dispatch(handlers, 'speech.say', { text, lang: 'zh' }, log);
    expect(r.ok).toBe(true);
    const audio = (r as { ok: true; value: { mime: string; audioBase64: string; seconds: number } }).value;
    expect(audio.mime).toBe('audio/wav');
    const wav = Buffer.from(audio.audioBase64, 'base64');
    const { info, rms } = measure(wav);
    expect(info.seconds).toBeCloseTo(audio.seconds, 3);
    expect(info.seconds).toBeGreaterThan(text.length / 6);
    expect(info.seconds).toBeLessThan(text.length / 1.5);
    expect(rms).toBeGreaterThan(0.02);
    expect(sink.join('\n')).not.toContain(text.slice(0, 6));
  });

  it('says plainly when no voice program is there, without a technical word', async () => {
    const log = createLogger({ sink: [] });
    const speech = new SpeechService({ log, program: '/nonexistent/espeak-ng' });
    await expect(speech.say('测试', 'zh')).rejects.toMatchObject({ code: 'speech.unavailable', message_zh: expect.not.stringMatching(/espeak|ENOENT/) });
  });

  it('stops the voice still being made when a new one is asked for', async () => {
    const speech = new SpeechService({ log: createLogger({ sink: [] }) });
    const first = speech.say(RISK_NOTICE.map((p) => p.zh).join(''), 'zh');
    const second = speech.say('好的', 'zh');
    await expect(first).rejects.toMatchObject({ code: 'speech.superseded' });
    expect((await second).seconds).toBeGreaterThan(0.3);
  });
});
