/**
 * User settings in browser.storage.local (readable by content scripts, unlike IndexedDB on the
 * extension origin). Validated with zod on every read; unknown or broken values fall back.
 */
import { z } from 'zod/mini';

export const Settings = z.object({
  /** ids of the site adapters the user turned off; every other site is on */
  disabledSites: z.catch(z.array(z.string()), []),
  /** j/k/s/t/n/r/o/? on feed pages */
  keyboardShortcuts: z.catch(z.boolean(), true),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = { disabledSites: [], keyboardShortcuts: true };
const KEY = 'settings';

export function parseSettings(raw: unknown): Settings {
  const r = Settings.safeParse(raw ?? {});
  return r.success ? r.data : DEFAULT_SETTINGS;
}

export async function loadSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(KEY);
  return parseSettings(got[KEY]);
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...patch });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}

/** Call `listener` whenever the settings change (in any context). Returns the unsubscribe. */
export function watchSettings(listener: (s: Settings) => void): () => void {
  const onChange = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && changes[KEY]) listener(parseSettings(changes[KEY].newValue));
  };
  browser.storage.onChanged.addListener(onChange);
  return () => browser.storage.onChanged.removeListener(onChange);
}
