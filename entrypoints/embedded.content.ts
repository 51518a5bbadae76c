// The page's rules for the toolbars: registered with the script (content-scripts/embedded.css).
import '@/components/toolbar/page.css';
import { runContentScript } from '@/lib/content/main';
import { adapter } from '@/lib/sites/embedded/adapter';

/**
 * Any paper page of a site the user turned on (lib/site-access.ts): only the embedded-metadata
 * reader is bundled here. Not in the manifest (registration 'runtime', no matches): the extension
 * registers it for each origin the user grants, with scripting.registerContentScripts.
 */
export default defineContentScript({
  registration: 'runtime',
  main: (ctx) => runContentScript(ctx, [adapter]),
});
