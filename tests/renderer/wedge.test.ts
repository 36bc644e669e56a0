import { beforeAll, describe, expect, it } from 'vitest';
import { fn, loadRendererModule } from '../support/renderer-module';

interface Keystroke {
  key: string;
  at: number;
}
interface WedgeRules {
  burstKeyMs: number;
  endGapMs: number;
  minLength: number;
  prefix: string;
  suffix: 'Enter' | 'Tab';
}
type Verdict = { kind: 'scan'; data: string } | { kind: 'typing' };

let classifyBurst: (strokes: Keystroke[], rules?: WedgeRules) => Verdict;
let extendBurst: (strokes: Keystroke[], key: Keystroke, rules?: WedgeRules) => Keystroke[];
let rules: WedgeRules;

beforeAll(async () => {
  const wedge = await loadRendererModule('ui/wedge.ts');
  classifyBurst = fn(wedge, 'classifyBurst');
  extendBurst = fn(wedge, 'extendBurst');
  rules = wedge.defaultWedgeRules as WedgeRules;
});

/** The keys of `text` then the suffix, `gapMs` apart, starting at `start`. */
function typed(text: string, gapMs: number, suffix = 'Enter', start = 1000): Keystroke[] {
  return [...text.split(''), suffix].map((key, i) => ({ key, at: start + i * gapMs }));
}

/** Feeds keys one by one as the detector does, returning the burst that ends with the last key. */
function feed(strokes: Keystroke[], with_: WedgeRules): Keystroke[] {
  return strokes.reduce<Keystroke[]>((burst, key) => extendBurst(burst, key, with_), []);
}

describe('wedge burst detector', () => {
  it('takes a scanner-fast burst ending in Enter as a scan, with its data', () => {
    expect(classifyBurst(typed('00614141000043', 8), rules)).toEqual({ kind: 'scan', data: '00614141000043' });
  });

  it('takes the same keys typed at a person’s pace as typing', () => {
    expect(classifyBurst(typed('00614141000043', 120), rules)).toEqual({ kind: 'typing' });
  });

  it('takes a fast burst with one slow key as typing', () => {
    const strokes = typed('4006381333931', 8);
    const slow = strokes.map((s, i) => (i >= 6 ? { ...s, at: s.at + 200 } : s));
    expect(classifyBurst(slow, rules)).toEqual({ kind: 'typing' });
  });

  it('needs the suffix: a fast burst without it is not (yet) a scan', () => {
    const strokes = typed('4006381333931', 8).slice(0, -1);
    expect(classifyBurst(strokes, rules)).toEqual({ kind: 'typing' });
  });

  it('needs the suffix the site configured', () => {
    const tabRules = { ...rules, suffix: 'Tab' as const };
    expect(classifyBurst(typed('4006381333931', 8, 'Enter'), tabRules)).toEqual({ kind: 'typing' });
    expect(classifyBurst(typed('4006381333931', 8, 'Tab'), tabRules)).toEqual({ kind: 'scan', data: '4006381333931' });
  });

  it('ignores short bursts such as a quick "12" and Enter', () => {
    expect(classifyBurst(typed('12', 8), rules)).toEqual({ kind: 'typing' });
  });

  it('keeps an AIM symbology identifier in the data (the core splits it off)', () => {
    expect(classifyBurst(typed(']C10100614141000043', 8), rules)).toEqual({ kind: 'scan', data: ']C10100614141000043' });
  });

  it('strips the site prefix, and needs it when the site set one', () => {
    const prefixed = { ...rules, prefix: '#' };
    expect(classifyBurst(typed('#4006381333931', 8), prefixed)).toEqual({ kind: 'scan', data: '4006381333931' });
    expect(classifyBurst(typed('4006381333931', 8), prefixed)).toEqual({ kind: 'typing' });
  });

  it('follows the station’s timing threshold', () => {
    const slowHub = { ...rules, burstKeyMs: 80 };
    expect(classifyBurst(typed('4006381333931', 60), rules)).toEqual({ kind: 'typing' });
    expect(classifyBurst(typed('4006381333931', 60), slowHub)).toEqual({ kind: 'scan', data: '4006381333931' });
  });

  it('starts a new burst after a pause, so slow typing before a scan does not spoil it', () => {
    const slowThenScan = [{ key: '1', at: 0 }, { key: '2', at: 300 }, ...typed('4006381333931', 8, 'Enter', 900)];
    const burst = feed(slowThenScan, rules);
    expect(burst[0]).toEqual({ key: '4', at: 900 });
    expect(classifyBurst(burst, rules)).toEqual({ kind: 'scan', data: '4006381333931' });
  });

  it('a person typing a quantity and pressing Enter never makes a scan', () => {
    const burst = feed(typed('24', 150), rules);
    expect(classifyBurst(burst, rules)).toEqual({ kind: 'typing' });
  });
});
