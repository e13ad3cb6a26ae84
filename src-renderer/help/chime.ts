/**
 * A two-tone chime for staff screens when a kiosk calls, made with Web Audio (no sound file to
 * ship, nothing to load over the network). The page counts the chimes in a data attribute, so
 * tests can tell that the sound was started.
 */
let ctx: AudioContext | null = null;

export function chime(): void {
  const root = document.documentElement;
  root.dataset.chimes = String(Number(root.dataset.chimes ?? 0) + 1);
  try {
    ctx ??= new AudioContext();
    void ctx.resume();
    const start = ctx.currentTime + 0.05;
    [880, 660, 880, 660].forEach((hz, i) => {
      const osc = ctx!.createOscillator();
      const gain = ctx!.createGain();
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.4, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3);
      osc.connect(gain).connect(ctx!.destination);
      osc.start(start + i * 0.35);
      osc.stop(start + i * 0.35 + 0.32);
    });
  } catch {
    // No audio output on this PC: the banner still shows.
  }
}
