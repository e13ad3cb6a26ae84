/**
 * Read-aloud. The browser's own voice (speechSynthesis) where it has one for the language —
 * Windows' SAPI voices, for example, sound better than espeak-ng — otherwise the kiosk's voice
 * made in the main process (`speech.say`, espeak-ng) and played in an <audio> element. Debian's
 * Chromium has no voice at all, so without the second path the button would do nothing.
 * Codes (case numbers, provisional numbers, phones) are read one character at a time.
 */
import type { KioskBridge } from '../../src-shared/api/contract.js';
import { speakable } from '../../src-shared/i18n/speakable.js';

type Lang = 'zh' | 'en';
type VoiceBridge = Pick<KioskBridge, 'speech.say'>;

let kioskVoice: VoiceBridge | null = null;
let playing: { audio: HTMLAudioElement; url: string } | null = null;
/** Bumped by every speak/stop, so an answer that arrives late is not played over newer speech. */
let turn = 0;

/** KioskApp hands over its bridge once; pages without it (counter, admin) use the system voice only. */
export function setKioskVoice(bridge: VoiceBridge | null): void {
  kioskVoice = bridge;
}

// Chromium loads the system's voices lazily (Windows: after 'voiceschanged'); ask early so the
// first tap already finds them.
try {
  window.speechSynthesis?.getVoices();
} catch {
  // no speechSynthesis in this runtime
}

function systemVoiceFor(lang: Lang): boolean {
  try {
    const synth = window.speechSynthesis;
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return false;
    return synth.getVoices().some((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang === 'zh' ? 'zh' : 'en'));
  } catch {
    return false;
  }
}

/** Marks the page while audio plays, so that tests and styles can see the voice is on. */
function mark(state: 'system' | 'kiosk' | null): void {
  if (state) document.documentElement.dataset.speaking = state;
  else delete document.documentElement.dataset.speaking;
}

function playWav(base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
  const audio = new Audio(url);
  playing = { audio, url };
  const finished = () => {
    if (playing?.audio !== audio) return;
    URL.revokeObjectURL(url);
    playing = null;
    mark(null);
  };
  audio.addEventListener('ended', finished);
  audio.addEventListener('error', finished);
  mark('kiosk');
  audio.play().catch(finished);
}

/** Speaks `text`; false when there is no voice at all (the text is on screen anyway). */
export function speak(text: string, lang: Lang): boolean {
  stopSpeaking();
  const said = speakable(text, lang).slice(0, 4000);
  if (!said.trim()) return false;
  if (systemVoiceFor(lang)) {
    try {
      const u = new SpeechSynthesisUtterance(said);
      u.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
      u.rate = 0.85; // slower for elderly listeners
      u.onend = () => mark(null);
      mark('system');
      window.speechSynthesis.speak(u);
      return true;
    } catch {
      // fall through to the kiosk's voice
    }
  }
  if (!kioskVoice) return false;
  const mine = turn;
  void kioskVoice['speech.say']({ text: said, lang }).then((r) => {
    if (r.ok && mine === turn) playWav(r.value.audioBase64);
  });
  return true;
}

export function stopSpeaking(): void {
  turn += 1;
  try {
    window.speechSynthesis?.cancel();
  } catch {
    // nothing to stop
  }
  if (playing) {
    playing.audio.pause();
    URL.revokeObjectURL(playing.url);
    playing = null;
  }
  mark(null);
}

const READ = '[data-speak], .instruction, .notice-text, .check-card, [role="alert"], [role="status"], .review-section, .findings';

/** The words of an element, buttons left out, with a pause between separate pieces of text. */
function wordsOf(el: HTMLElement, pause: string): string {
  const out: string[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement?.closest('button, [data-speak-skip], [aria-hidden="true"]')) continue;
    const t = (n.textContent ?? '').trim();
    if (t) out.push(t);
  }
  return out.join(pause);
}

/**
 * What the read-aloud button says on a screen: the texts marked for reading inside `root`
 * (instruction, notices, the review summary, errors), in the order they appear.
 */
export function readableText(root: HTMLElement | null, lang: Lang): string {
  if (!root) return '';
  const pause = lang === 'zh' ? '，' : ', ';
  const parts: string[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>(READ))) {
    // An element inside one already read is read with it.
    const outer = el.parentElement?.closest(READ);
    if (outer && root.contains(outer)) continue;
    const t = wordsOf(el, pause);
    if (t) parts.push(t);
  }
  return parts.join(lang === 'zh' ? '。' : '. ');
}
