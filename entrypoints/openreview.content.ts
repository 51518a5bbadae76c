// The page's rules for the toolbars: the build lists them as this content script's CSS (in the
// manifest), so the browser has them before the page is first styled.
import '@/components/toolbar/page.css';
import '@/lib/sites/openreview/slot.css';
import { runContentScript } from '@/lib/content/main';
import { adapter } from '@/lib/sites/openreview/adapter';
import { matches } from '@/lib/sites/openreview/meta';

/** OpenReview: only this site's adapter is bundled here. */
export default defineContentScript({
  matches,
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [adapter]),
});
