/**
 * The content script's pieces in happy-dom, wired as lib/content/main.ts wires them: the scanner
 * handing its cards to the toolbars, the lookups included.
 */
import { CardScanner, type ScannerHooks } from '@/lib/content/scanner';
import type { Toolbars } from '@/lib/content/toolbars';
import { ADAPTERS } from '@/lib/sites';
import type { SiteAdapter } from '@/lib/sites/types';

/** happy-dom's controls: `happyDOM().setURL(url)` gives the page its address. */
export const happyDOM = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;

/** Let the scanner's tasks, the toolbars' lookups and their answers run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 5));
}

/** The scanner's hooks into these toolbars (a test may override some). */
export function toolbarHooks(toolbars: Toolbars): ScannerHooks {
  return {
    create: (h, skipOffscreen) => toolbars.create(h, skipOffscreen),
    place: (h, host) => toolbars.place(h, host),
    unmount: (h, host) => toolbars.unmount(h, host),
    mounted: (d) => void toolbars.lookup(d),
  };
}

/** A scanner for these adapters handing its cards to these toolbars (not started). */
export function wiredScanner(toolbars: Toolbars, signal: AbortSignal, adapters: readonly SiteAdapter[] = ADAPTERS): CardScanner {
  return new CardScanner(document, toolbarHooks(toolbars), signal, adapters);
}

/** A Hugging Face daily-papers card (thumbnail link, title link) for arXiv id `id`. */
export const hfCard = (id: string) =>
  `<article><a href="/papers/${id}"><img src="https://cdn.example/${id}.png"></a><div><h3><a href="/papers/${id}">Title ${id}</a></h3></div></article>`;
