/**
 * User settings in browser.storage.local (readable by content scripts, unlike IndexedDB on the
 * extension origin). Checked on every read: a missing or broken value falls back to its default,
 * the others are kept. Read by hand, not with zod: every feed page reads the settings, and zod
 * would be a third of its content script (only the extension writes this key).
 */

export interface Settings {
  /** ids of the site adapters the user turned off; every other site is on */
  disabledSites: string[];
  /** j/k/s/t/n/r/o/? on feed pages */
  keyboardShortcuts: boolean;
  /** the toolbar button's badge: how many papers on the current page are saved (lib/page-papers) */
  badgeCount: boolean;
  /** record the papers the user had on screen on supported feeds (lib/seen); on by default */
  seenHistory: boolean;
  /** days a seen paper is kept after it was last seen (saved papers are never dropped from it) */
  seenRetentionDays: number;
  /** what a feed card of a paper whose status is read does: dimmed, hidden (with a line to show it), or as any other */
  readCards: ReadCards;
}

export const READ_CARDS = ['dim', 'hide', 'show'] as const;
export type ReadCards = (typeof READ_CARDS)[number];

export const DEFAULT_SETTINGS: Settings = {
  disabledSites: [],
  keyboardShortcuts: true,
  badgeCount: true,
  seenHistory: true,
  seenRetentionDays: 90,
  readCards: 'dim',
};
const KEY = 'settings';

/** Each field of a stored value, or its default where the value is missing or of the wrong type. */
export function parseSettings(raw: unknown): Settings {
  const o = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const { disabledSites: sites, keyboardShortcuts: keys, badgeCount: badge, seenHistory: seen, seenRetentionDays: days, readCards: read } = o;
  return {
    disabledSites: Array.isArray(sites) && sites.every((s) => typeof s === 'string') ? [...sites] : DEFAULT_SETTINGS.disabledSites,
    keyboardShortcuts: typeof keys === 'boolean' ? keys : DEFAULT_SETTINGS.keyboardShortcuts,
    badgeCount: typeof badge === 'boolean' ? badge : DEFAULT_SETTINGS.badgeCount,
    seenHistory: typeof seen === 'boolean' ? seen : DEFAULT_SETTINGS.seenHistory,
    seenRetentionDays: typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 3650 ? days : DEFAULT_SETTINGS.seenRetentionDays,
    readCards: READ_CARDS.includes(read as ReadCards) ? (read as ReadCards) : DEFAULT_SETTINGS.readCards,
  };
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return parseSettings(got[KEY]);
}

/** The saves of this context, one after another (each reads, then writes the whole value). */
let saving: Promise<unknown> = Promise.resolve();

/**
 * Change some settings, keeping the others. Saves from one page (the options page has two
 * sections that save) run in turn, so two quick changes never write over each other.
 */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const done = saving.then(async () => {
    const next = parseSettings({ ...(await loadSettings()), ...patch });
    await browser.storage.local.set({ [KEY]: next });
    return next;
  });
  saving = done.catch(() => undefined);
  return done;
}

/** Call `listener` whenever the settings change (in any context). Returns the unsubscribe. */
export function watchSettings(listener: (s: Settings) => void): () => void {
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(parseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChange);
  return () => browser.storage.onChanged.removeListener(onChange);
}
