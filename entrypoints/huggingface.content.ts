import { runContentScript } from '@/lib/content/main';
import { huggingface } from '@/lib/sites/huggingface';

/** Hugging Face Papers: only this site's adapter is bundled here. */
export default defineContentScript({
  matches: [...huggingface.matches],
  runAt: 'document_idle',
  main: (ctx) => runContentScript(ctx, [huggingface]),
});
