// A short, soft two-note chime drawn with Web Audio: no sound file to fetch, nothing external.

let context = null;

/** Browsers allow sound only after a user gesture; call this from one (sign-in, a click). */
export function unlockSound() {
  if (!context && window.AudioContext) {
    context = new AudioContext();
  }
  if (context && context.state === 'suspended') {
    context.resume();
  }
}

export function chime() {
  unlockSound();
  if (!context) {
    return;
  }
  const start = context.currentTime;
  [660, 880].forEach((frequency, i) => {
    const tone = context.createOscillator();
    const level = context.createGain();
    tone.frequency.value = frequency;
    level.gain.setValueAtTime(0.0001, start + i * 0.16);
    level.gain.exponentialRampToValueAtTime(0.15, start + i * 0.16 + 0.02);
    level.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.16 + 0.3);
    tone.connect(level).connect(context.destination);
    tone.start(start + i * 0.16);
    tone.stop(start + i * 0.16 + 0.32);
  });
}
