import { setupSnapshots } from '@/lib/backups/setup';
import { changeRelay } from '@/lib/change-relay';
import { onChanged } from '@/lib/changes';
import { setupZotero } from '@/lib/exchange/zotero-send';
import { handle, REQUEST_TYPES } from '@/lib/handlers';
import { getLibrary } from '@/lib/library';
import { messaging } from '@/lib/messages';
import { setupPagePapers } from '@/lib/page-papers';
import { setupSidePanelCommand } from '@/lib/side-panel';
import { changeTabPatterns, setupSiteAccess } from '@/lib/site-access';
import { setupFolderSync } from '@/lib/sync/background';

export default defineBackground({
  type: 'module',
  main() {
    const lib = getLibrary();
    // The seen history's retention runs at start (and after writes, once a day at most).
    void lib.seen.prune().catch(() => undefined);
    // Which papers each tab shows: the toolbar button's count and the side panel's "On this page".
    const pages = setupPagePapers(lib);
    for (const type of REQUEST_TYPES) {
      messaging.onMessage(type, ({ data, sender }) => {
        // A tab looking papers up has new cards: it is asked which papers it shows.
        if (type === 'lookup' && sender.tab?.id !== undefined) pages.touched(sender.tab.id);
        return handle(lib, type, data) as never;
      });
    }
    setupSidePanelCommand();
    // Sites the user turned on: their content scripts registered again where the browser did not keep them.
    setupSiteAccess();
    // Send to Zotero: the only HTTP the extension makes, to Zotero on this machine, when the user sends.
    setupZotero(lib);
    // The last 7 daily snapshots of the shelf, in the extension's own private folder.
    setupSnapshots(lib);
    // Folder sync (Chrome): through the folder the options page kept, while the browser grants it.
    setupFolderSync(lib);

    // Relay every change (from here, the popup or the options page) to the open feed tabs, and
    // the tabs of the sites turned on, in order.
    onChanged(
      changeRelay({
        lookup: (ids) => lib.lookup(ids),
        tabs: async () => (await browser.tabs.query({ url: await changeTabPatterns() })).flatMap((t) => (t.id === undefined ? [] : [t.id])),
        send: (tabId, msg) => messaging.sendMessage('changed', msg, tabId),
      }),
    );
  },
});
