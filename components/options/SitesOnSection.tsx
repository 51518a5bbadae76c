/**
 * Options page, "Other sites": the sites the user turned on (PaperShelf's toolbar on their paper
 * pages, by the access granted for that one site), each with "Turn off", and a field to turn one
 * more on by its address. Props in, callbacks out: the options page asks the browser for the
 * site's access straight from the submit (entrypoints/options/SitesOn.tsx).
 */
import { useState } from 'preact/hooks';
import { formatDay } from '../PaperRow';

export interface SiteOnRow {
  origin: string;
  /** `journals.example.org` (with `http://` for a plain-http site) */
  name: string;
  /** what the toolbar reads there: "paper pages (embedded metadata)", "Google Scholar pages" */
  reads: string;
  /** when it was turned on (ms; 0 unknown) */
  since: number;
}

export interface SitesOnSectionProps {
  /** null while loading */
  sites: readonly SiteOnRow[] | null;
  /** the origin being turned off, or 'add' while a site is being turned on */
  busy: string | null;
  /** the outcome of the last action */
  status: { kind: 'ok' | 'error'; text: string } | null;
  onTurnOff(origin: string): void;
  /** the address typed in the field (the handler asks the browser for it at once) */
  onTurnOn(address: string): void;
}

export function SitesOnSection({ sites, busy, status, onTurnOff, onTurnOn }: SitesOnSectionProps) {
  const [address, setAddress] = useState('');
  return (
    <section class="card" aria-labelledby="sites-on-heading">
      <h2 id="sites-on-heading">Other sites</h2>
      <p class="hint">
        PaperShelf reads the supported sites above by itself. On any other site, the toolbar button offers “Save this page” when you open it there; turn a site on to
        have the toolbar on its paper pages too (the browser asks you to allow that one site).
      </p>
      {sites === null ? (
        <p class="hint">Loading…</p>
      ) : sites.length === 0 ? (
        <p>No other site is turned on.</p>
      ) : (
        <ul class="sites-on" aria-label="Sites turned on">
          {sites.map((s) => (
            <li key={s.origin}>
              <span class="sites-on-name">{s.name}</span>
              <span class="hint">{` ${s.reads}${s.since > 0 ? `, on since ${formatDay(s.since)}` : ''}`}</span>
              <button type="button" class="button" aria-label={`Turn off ${s.name}`} disabled={busy === s.origin} onClick={() => onTurnOff(s.origin)}>
                Turn off
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="sites-on-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (address.trim() === '') return;
          onTurnOn(address);
        }}
      >
        <label for="sites-on-address">Turn on a site</label>
        <input
          id="sites-on-address"
          type="text"
          inputMode="url"
          placeholder="journals.example.org"
          autocomplete="off"
          spellcheck={false}
          value={address}
          onInput={(e) => setAddress(e.currentTarget.value)}
        />
        <button type="submit" class="button" disabled={busy === 'add'}>
          Turn on
        </button>
      </form>
      <p class={status?.kind === 'error' ? 'error-text' : 'outcome'} role={status?.kind === 'error' ? 'alert' : 'status'}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
