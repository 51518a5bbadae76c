/**
 * Options page, Settings: which sites get the toolbar (stored as `disabledSites`), keyboard
 * shortcuts on feed pages and the toolbar button's count. Props in, callbacks out.
 */
import type { Settings } from '@/lib/settings';

export interface SiteChoice {
  id: string;
  label: string;
}

export interface SettingsSectionProps {
  sites: readonly SiteChoice[];
  /** null while loading */
  settings: Settings | null;
  /** a failed save, shown until the next change */
  error: string | null;
  onSiteEnabled: (id: string, enabled: boolean) => void;
  onKeyboardShortcuts: (enabled: boolean) => void;
  onBadgeCount: (enabled: boolean) => void;
}

export function SettingsSection({ sites, settings, error, onSiteEnabled, onKeyboardShortcuts, onBadgeCount }: SettingsSectionProps) {
  const loading = settings === null;
  return (
    <section class="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <fieldset>
        <legend>Sites</legend>
        <p id="sites-hint" class="hint">
          PaperShelf shows its toolbar and “saved” badges on the sites you tick.
        </p>
        <ul class="checks">
          {sites.map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!loading && !settings.disabledSites.includes(s.id)}
                  disabled={loading}
                  aria-describedby="sites-hint"
                  onChange={(e) => onSiteEnabled(s.id, e.currentTarget.checked)}
                />{' '}
                {s.label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Keyboard</legend>
        <ul class="checks">
          <li>
            <label>
              <input
                type="checkbox"
                checked={!loading && settings.keyboardShortcuts}
                disabled={loading}
                aria-describedby="keys-hint"
                onChange={(e) => onKeyboardShortcuts(e.currentTarget.checked)}
              />{' '}
              Keyboard shortcuts on feed pages
            </label>
            <p id="keys-hint" class="hint">
              j / k move between papers, s saves or removes, t adds a tag, n writes a note, r cycles the status, o opens the paper, ? shows them all.
            </p>
          </li>
        </ul>
      </fieldset>
      <fieldset>
        <legend>Toolbar button</legend>
        <ul class="checks">
          <li>
            <label>
              <input
                type="checkbox"
                checked={!loading && settings.badgeCount}
                disabled={loading}
                aria-describedby="badge-hint"
                onChange={(e) => onBadgeCount(e.currentTarget.checked)}
              />{' '}
              Count of saved papers on the toolbar button
            </label>
            <p id="badge-hint" class="hint">
              The button shows how many papers on the current page are on your shelf (nothing when none are).
            </p>
          </li>
        </ul>
      </fieldset>
      {error && (
        <p class="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
