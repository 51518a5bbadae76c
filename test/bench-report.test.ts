/** The benchmark's report (test/bench/report.ts): a target is checked on the exact figures, not the rounded ones it prints. */
import { describe, expect, it } from 'vitest';
import { targeted } from './bench/report';

describe('bench report targets', () => {
  it('a ratio just over its bar is missed, though it prints as the bar', () => {
    const e = targeted('busy time', 65.53, 'ms', 54.54, '<= 1.2x', (x) => (x.ratio ?? Infinity) <= 1.2);
    expect(e).toEqual({ name: 'busy time', value: 65.53, unit: 'ms', baseline: 54.54, ratio: 1.2, target: '<= 1.2x', met: false });
  });

  it('a value just over its bar is missed, and one on it is met', () => {
    expect(targeted('import', 2000.004, 'ms', null, '<= 2 s', (x) => x.value! <= 2000).met).toBe(false);
    expect(targeted('import', 2000, 'ms', null, '<= 2 s', (x) => x.value! <= 2000).met).toBe(true);
    expect(targeted('import', null, 'ms', null, '<= 2 s', () => true).met).toBeNull();
  });
});
