/**
 * Read-aloud of a step's instructions. Uses speechSynthesis where the runtime has it and a
 * voice for the language; otherwise does nothing (the text is on screen anyway).
 */
export function speak(text: string, lang: 'zh' | 'en'): boolean {
  const synth = typeof window !== 'undefined' ? window.speechSynthesis : undefined;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return false;
  try {
    synth.cancel();
    const u = new SpeechSynthesisUtterance(text);
    u.lang = lang === 'zh' ? 'zh-CN' : 'en-US';
    u.rate = 0.85; // slower for elderly listeners
    synth.speak(u);
    return true;
  } catch {
    return false;
  }
}

export function stopSpeaking(): void {
  try {
    window.speechSynthesis?.cancel();
  } catch {
    // nothing to stop
  }
}
