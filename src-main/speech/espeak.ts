/**
 * A voice that is always there: espeak-ng run as a child process, the text on its stdin (never
 * in argv, where `ps` would show a name or a number), WAV on its stdout. Debian installs it with
 * `apt-get install espeak-ng`; Windows kiosks with the eSpeak NG installer (docs/deployment.md).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sealWav } from './wav.js';

export type SpeechLang = 'zh' | 'en';

/** espeak-ng's Mandarin voice reads Latin letters as English, which a case number needs. */
const VOICE: Record<SpeechLang, string> = { zh: 'cmn', en: 'en-us' };

/** Words per minute: espeak-ng's 175 is fast for elderly listeners. */
const RATE = 140;

export class SpeechUnavailable extends Error {
  constructor(readonly detail: string) {
    super(`espeak-ng unavailable: ${detail}`);
  }
}

/** `YZT_ESPEAK` names the program; else the Windows installer's place; else espeak-ng on PATH. */
export function espeakProgram(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.YZT_ESPEAK) return env.YZT_ESPEAK;
  if (platform === 'win32') {
    for (const base of [env.ProgramFiles, env['ProgramFiles(x86)']]) {
      const exe = base ? join(base, 'eSpeak NG', 'espeak-ng.exe') : '';
      if (exe && existsSync(exe)) return exe;
    }
  }
  return 'espeak-ng';
}

export interface SynthesisOptions {
  program?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Speaks `text` into a WAV file (16-bit mono PCM) with correct sizes in its header. */
export function synthesize(text: string, lang: SpeechLang, o: SynthesisOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // -b 1: the input is UTF-8; --stdout: WAV to stdout; text comes on stdin.
    const child = spawn(o.program ?? espeakProgram(), ['-v', VOICE[lang], '-s', String(RATE), '-b', '1', '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill(), o.timeoutMs ?? 20_000);
    const abort = () => child.kill();
    o.signal?.addEventListener('abort', abort);
    const done = () => {
      clearTimeout(timer);
      o.signal?.removeEventListener('abort', abort);
    };
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => (err += b.toString().slice(0, 500)));
    child.on('error', (e) => {
      done();
      reject(new SpeechUnavailable(e.message));
    });
    child.on('close', (code, sig) => {
      done();
      if (code !== 0) return reject(new SpeechUnavailable(sig ? `stopped (${sig})` : `exit ${code}: ${err.trim()}`));
      try {
        resolve(sealWav(Buffer.concat(out)));
      } catch (e) {
        reject(new SpeechUnavailable(e instanceof Error ? e.message : String(e)));
      }
    });
    child.stdin.on('error', () => undefined); // a voice that exits early closes its stdin
    child.stdin.end(text, 'utf8');
  });
}
