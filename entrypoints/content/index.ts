import { messaging } from '@/lib/messages';
import { CardScanner } from '@/lib/content/scanner';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import { CONTENT_MATCHES } from '@/lib/sites/hosts';

export default defineContentScript({
  matches: [...CONTENT_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    const backend: Backend = {
      lookup: (drafts) => messaging.sendMessage('lookup', { drafts }),
      save: (draft, patch) => messaging.sendMessage('save', patch ? { draft, patch } : { draft }),
      patch: (id, patch) => messaging.sendMessage('patch', { id, patch }),
      remove: (id) => messaging.sendMessage('remove', { id }),
      tags: () => messaging.sendMessage('tags', {}),
    };
    const toolbars = new Toolbars(document, backend);
    const scanner = new CardScanner(
      document,
      {
        mount: (h) => toolbars.mount(h),
        unmount: (h, host) => toolbars.unmount(h, host),
        mounted: (drafts) => void toolbars.lookup(drafts),
      },
      ctx.signal,
    );
    const stopListening = messaging.onMessage('changed', ({ data }) => toolbars.applyChanged(data));
    ctx.onInvalidated(stopListening);
    // SPA navigation (Daily -> Weekly, date arrows, search) re-renders cards: rescan.
    ctx.addEventListener(window, 'wxt:locationchange', () => scanner.schedule());
    scanner.start();
  },
});
