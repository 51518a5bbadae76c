import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_SETTINGS, loadSettings, parseSettings, saveSettings } from '@/lib/settings';

describe('parseSettings', () => {
  it('gives every default for nothing stored', () => {
    expect(parseSettings(undefined)).toEqual({ disabledSites: [], keyboardShortcuts: true, badgeCount: true, seenHistory: true, seenRetentionDays: 90, readCards: 'dim' });
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps each good field and replaces each broken one by its default', () => {
    expect(parseSettings({ disabledSites: ['arxiv'], keyboardShortcuts: 'no', badgeCount: false, seenHistory: false, seenRetentionDays: 30, readCards: 'hide' })).toEqual({
      disabledSites: ['arxiv'],
      keyboardShortcuts: true,
      badgeCount: false,
      seenHistory: false,
      seenRetentionDays: 30,
      readCards: 'hide',
    });
    for (const days of [0, -5, 2.5, 10_000, '30', null]) expect(parseSettings({ seenRetentionDays: days }).seenRetentionDays).toBe(90);
    for (const read of ['fade', '', 1, null]) expect(parseSettings({ readCards: read }).readCards).toBe('dim');
  });
});

describe('saveSettings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('two saves started together both land: each reads what the one before wrote', async () => {
    const [a, b] = await Promise.all([saveSettings({ badgeCount: false }), saveSettings({ readCards: 'hide' })]);
    expect(a).toEqual({ ...DEFAULT_SETTINGS, badgeCount: false });
    expect(b).toEqual({ ...DEFAULT_SETTINGS, badgeCount: false, readCards: 'hide' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, badgeCount: false, readCards: 'hide' });
  });
});
