import { runContentScript } from '@/lib/content/main';
import { arxiv } from '@/lib/sites/arxiv';

/** arXiv: only this site's adapter is bundled here. */
export default defineContentScript({
  matches: [...arxiv.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [arxiv]),
});
