/**
 * The options page's "Other sites" (components/options/SitesOnSection) wired to lib/site-access:
 * the sites turned on, turning one off (its script unregistered, its access given back) and
 * turning one on by its address (the browser's request made straight from the submit).
 */
import { useEffect, useState } from 'preact/hooks';
import { siteLabel } from '@/components/details/fields';
import { SitesOnSection, type SiteOnRow, type SitesOnSectionProps } from '@/components/options/SitesOnSection';
import { errorMessage } from '@/lib/errors';
import { EMBEDDED_SCRIPT, isListedOrigin, originOf, requestSite, sitesOn, turnOff, watchSitesOn, type SiteOn } from '@/lib/site-access';
import './sites-on.css';

export interface SitesOnProps {
  /** lib/site-access by default (tests pass their own) */
  api?: {
    list(): Promise<SiteOn[]>;
    watch(listener: (list: SiteOn[]) => void): () => void;
    request(origin: string, script: string): Promise<SiteOn | null>;
    turnOff(origin: string): Promise<void>;
  };
}

const API = { list: sitesOn, watch: watchSitesOn, request: requestSite, turnOff };

/** `journals.example.org`, or `http://…` for a plain-http site. */
const nameOf = (origin: string): string => (origin.startsWith('https://') ? origin.slice('https://'.length) : origin);

function readsOf(script: string): string {
  if (script === EMBEDDED_SCRIPT) return 'paper pages (their embedded metadata)';
  return `${siteLabel(script)} pages`;
}

export function toRows(list: readonly SiteOn[]): SiteOnRow[] {
  return list.map((s) => ({ origin: s.origin, name: nameOf(s.origin), reads: readsOf(s.script), since: s.since }));
}

export function SitesOn({ api = API }: SitesOnProps) {
  const [list, setList] = useState<SiteOn[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState<SitesOnSectionProps['status']>(null);

  useEffect(() => {
    api.list().then(setList, (err: unknown) => {
      setList([]);
      setStatus({ kind: 'error', text: `Could not read the sites turned on: ${errorMessage(err)}` });
    });
    return api.watch(setList);
  }, [api]);

  const onTurnOff = (origin: string) => {
    setBusy(origin);
    setStatus(null);
    api
      .turnOff(origin)
      .then(
        () => setStatus({ kind: 'ok', text: `PaperShelf is off for ${nameOf(origin)}.` }),
        (err: unknown) => setStatus({ kind: 'error', text: `Could not turn ${nameOf(origin)} off: ${errorMessage(err)}` }),
      )
      .finally(() => setBusy(null));
  };

  const onTurnOn = (address: string) => {
    const origin = originOf(address);
    if (!origin) {
      setStatus({ kind: 'error', text: `“${address.trim()}” is not a web address (example: journals.example.org).` });
      return;
    }
    if (isListedOrigin(origin)) {
      setStatus({ kind: 'error', text: `${nameOf(origin)} is one of the supported sites: PaperShelf reads it already (Settings above).` });
      return;
    }
    setBusy('add');
    setStatus(null);
    // Straight from the submit: the browser asks the user only in answer to one.
    api
      .request(origin, EMBEDDED_SCRIPT)
      .then(
        (site) =>
          setStatus(
            site
              ? { kind: 'ok', text: `PaperShelf is on for ${nameOf(origin)}: its paper pages show the toolbar (reload pages already open).` }
              : { kind: 'error', text: `${nameOf(origin)} was not allowed: PaperShelf stays off there.` },
          ),
        (err: unknown) => setStatus({ kind: 'error', text: `Could not turn ${nameOf(origin)} on: ${errorMessage(err)}` }),
      )
      .finally(() => setBusy(null));
  };

  return <SitesOnSection sites={list && toRows(list)} busy={busy} status={status} onTurnOff={onTurnOff} onTurnOn={onTurnOn} />;
}
