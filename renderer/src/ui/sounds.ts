/** Scan sounds made with WebAudio: no files to ship, and the same on every bench. */
export type Sound = 'good' | 'bad' | 'warn' | 'none';

let audio: AudioContext | null = null;

function tone(ctx: AudioContext, freq: number, start: number, duration: number, type: OscillatorType, volume: number) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(volume, ctx.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(ctx.currentTime + start);
  osc.stop(ctx.currentTime + start + duration);
}

export function play(sound: Sound): void {
  if (sound === 'none' || typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  const ctx = audio;
  if (ctx.state === 'suspended') void ctx.resume();
  if (sound === 'good') tone(ctx, 1760, 0, 0.09, 'sine', 0.3);
  else if (sound === 'warn') {
    tone(ctx, 660, 0, 0.15, 'triangle', 0.4);
    tone(ctx, 660, 0.22, 0.15, 'triangle', 0.4);
  } else {
    for (let i = 0; i < 3; i++) tone(ctx, 180, i * 0.22, 0.18, 'square', 0.5);
  }
  document.body.dataset.lastSound = sound;
}
