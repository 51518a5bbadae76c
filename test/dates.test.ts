/** The shared month table (lib/dates.ts) the site adapters read printed dates with. */
import { describe, expect, it } from 'vitest';
import { monthOf, MONTHS } from '@/lib/dates';

const NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

describe('monthOf', () => {
  it('reads full names and three-letter abbreviations in any case', () => {
    NAMES.forEach((name, i) => {
      expect(monthOf(name), name).toBe(i + 1);
      expect(monthOf(name.toLowerCase()), name).toBe(i + 1);
      expect(monthOf(name.toUpperCase()), name).toBe(i + 1);
      expect(monthOf(name.slice(0, 3)), name).toBe(i + 1);
    });
    expect(monthOf('Sept.')).toBe(9);
    expect(MONTHS).toHaveLength(12);
  });

  it('is 0 for anything that does not start with a month', () => {
    for (const s of ['', 'J', 'Ma', 'Ju', 'Foo', '2023', 'Mon', 'Tue', 'Jn.']) expect(monthOf(s), s).toBe(0);
  });
});
