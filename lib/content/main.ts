/**
 * The content script of one site: scanner + toolbars + keyboard, wired to the background by
 * typed messages. Each site's entrypoint passes only its own adapter, so a page loads one.
 */
import './start';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '../settings';
import type { SiteAdapter } from '../sites/types';
import { onChangedMessage, onPageIdsRequest, send } from './channel';
import { FeedMemory } from './feed-memory';
import { FeedKeys } from './keyboard';
import { CardScanner } from './scanner';
import { Toolbars, type Backend } from './toolbars';

export async function runContentScript(ctx: ContentScriptContext, adapters: readonly SiteAdapter[]): Promise<void> {
  let settings: Settings = DEFAULT_SETTINGS;
  const base: Backend = {
    lookup: (req) => send('lookup', req),
    save: (draft, patch) => send('save', patch ? { draft, patch } : { draft }),
    patch: (id, patch) => send('patch', { id, patch }),
    remove: (id) => send('remove', { id }),
    tags: () => send('tags', {}),
    sendToZotero: (ids) => send('sendToZotero', { ids }),
  };
  const cardSelector = adapters.flatMap((a) => a.cardSelector ?? []).join(', ');
  // The card outlined for the keyboard (its site says which), else the one the adapter found.
  const cardOf = (host: Element): Element | null => (cardSelector && host.closest(cardSelector)) || toolbars.handleOf(host)?.card || null;
  // The seen history, the New marks and read cards: it sees every answer the toolbars get.
  const memory: FeedMemory = new FeedMemory(
    document,
    (id): Element[] => toolbars.hostsOf(id),
    (host): Element[] => cardsOf(toolbars.handleOf(host)?.card, cardOf(host)),
    (papers) => void send('seen', { papers }).catch(() => undefined),
    ctx.signal,
  );
  const toolbars: Toolbars = new Toolbars(document, memory.backend(base), ctx.signal);
  const keys = new FeedKeys(
    document,
    {
      toggleSave: (host) => toolbars.toggleSave(host),
      cycleStatus: (host) => toolbars.cycleStatus(host),
      focusTag: (host) => toolbars.focusTag(host),
      openNote: (host) => toolbars.openNote(host),
      open: (host) => {
        const d = toolbars.handleOf(host)?.draft();
        const url = d?.links.page ?? d?.links.abs;
        if (url && /^https?:/.test(url)) window.open(url, '_blank', 'noopener');
      },
      cardOf,
    },
    ctx.signal,
  );
  // A site turned off gets no toolbars, nor the places its CSS keeps for them (lib/sites/<id>/slot.css).
  const markOff = (s: Settings) => document.documentElement.toggleAttribute('data-papershelf-off', adapters.every((a) => s.disabledSites.includes(a.id)));
  // Read meanwhile: the scanner builds toolbars while this loads and places them after.
  const ready = loadSettings()
    .catch(() => DEFAULT_SETTINGS) // storage unavailable: defaults
    .then((s) => {
      settings = s;
      markOff(s);
      keys.enabled = s.keyboardShortcuts;
      memory.settings(s);
    })
    .catch(() => undefined); // (the toolbars are placed whatever happened here)
  const scanner = new CardScanner(
    document,
    {
      create: (h, skipOffscreen) => toolbars.create(h, skipOffscreen),
      place: (h, host) => toolbars.place(h, host),
      unmount: (h, host) => {
        memory.unmounted(h);
        toolbars.unmount(h, host);
      },
      // (the mark tells the benchmark how many toolbars know their saved state: npm run bench)
      mounted: (handles) => {
        memory.mounted(handles);
        void toolbars.lookup(handles).then(() => performance.mark('papershelf:looked-up', { detail: handles.length }));
      },
      enabled: (site) => !settings.disabledSites.includes(site),
      ready,
    },
    ctx.signal,
    adapters,
  );
  const unwatch = watchSettings((s) => {
    settings = s;
    markOff(s);
    keys.enabled = s.keyboardShortcuts;
    memory.settings(s);
    scanner.schedule();
  });
  ctx.onInvalidated(unwatch);
  const stopListening = onChangedMessage((data) => {
    toolbars.applyChanged(data);
    memory.changed(data);
  });
  ctx.onInvalidated(stopListening);
  // The background asks which papers the page shows (the toolbar button's count, the side panel).
  // (a card placed while the waiting ones were read is in both lists: the background keeps one)
  ctx.onInvalidated(onPageIdsRequest(async () => {
    const waiting = await scanner.waitingIds();
    return [...toolbars.ids, ...waiting];
  }));
  // Extension reloaded or updated while the page is open: say so on every card.
  ctx.onInvalidated(() => toolbars.invalidate());
  // WXT notices an invalidated context only when one of its timers runs: check every 2 s (the
  // callback itself does nothing; ctx.setInterval checks the context before calling it).
  ctx.setInterval(() => undefined, 2000);
  // SPA navigation (Daily -> Weekly, date arrows, search) re-renders cards: rescan.
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    memory.navigated();
    scanner.schedule();
  });
  scanner.start();

  // Counters for the end-to-end tests (leaks after many re-renders); answered only to our own
  // extension, which is the only sender runtime.onMessage delivers.
  const onStats = (msg: unknown, _sender: unknown, reply: (r: unknown) => void) => {
    if ((msg as { type?: string } | null)?.type !== 'papershelf:stats') return;
    reply({
      hosts: document.querySelectorAll('papershelf-toolbar').length,
      live: scanner.mountedCount,
      uis: toolbars.mountedCount,
      ...scanner.stats,
    });
  };
  browser.runtime.onMessage.addListener(onStats);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onStats));
}

/** The page's elements of one card (the adapter's and the outlined one), outermost alone when nested. */
function cardsOf(found: Element | null | undefined, outlined: Element | null): Element[] {
  if (!found || !outlined || found === outlined || found.contains(outlined)) return found ? [found] : outlined ? [outlined] : [];
  return outlined.contains(found) ? [outlined] : [found, outlined];
}
