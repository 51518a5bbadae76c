import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { ZOTERO_PERMISSION } from './lib/exchange/zotero';
import { HOST_PERMISSIONS, SITES } from './lib/sites/registry';

/** The sites a user may turn on (lib/site-access.ts): any https or http site, asked one origin at a time. */
const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'] as const;

/**
 * Hosts asked for only when a feature needs them (permissions.request from a click): Zotero
 * desktop's connector server on this machine (Send to Zotero, lib/exchange/zotero.ts).
 */
const OPTIONAL_HOSTS = [ZOTERO_PERMISSION];

/** The extension's icon at each size the stores and browsers use (files in public/icon/). */
const ICONS = Object.fromEntries([16, 32, 48, 96, 128].map((size) => [String(size), `icon/${size}.png`]));

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modulesDir: 'wxt-modules',
  outDir: '.output',
  // Terser, not Vite's default minifier: smaller gzipped content scripts, which must stay under
  // 20 kB (npm run bench), for a slower build. unsafe_arrows / unsafe_methods turn function
  // expressions that never use `this` into arrows and methods: none of ours is called with `new`.
  vite: () => ({
    plugins: [preact()],
    build: { minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3, unsafe_arrows: true, unsafe_methods: true } } },
  }),
  // npm run zip: the Chrome and Firefox packages, and for AMO the sources (firefox only), without
  // local test output and the store screenshots.
  zip: { excludeSources: ['test/e2e/screenshots/**', 'test/store/**', 'test-results/**', 'stats.html', '**/*.log'] },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'PaperShelf',
    description: manifestDescription(),
    // activeTab + scripting: the popup reads the page in front when the user opens it there
    // ("Save this page", lib/page-access.ts) and registers the content script of a site turned on.
    // alarms (Chrome only, no install warning): the background's folder sync runs every 15 minutes
    // (lib/sync/background.ts), so the other devices' edits arrive while this one is idle; a
    // service worker's own timers die with it. Firefox has no folder sync.
    permissions: ['storage', 'activeTab', 'scripting', ...(browser === 'firefox' ? [] : ['alarms'])],
    host_permissions: [...HOST_PERMISSIONS],
    // Any other site only when the user turns it on, one origin at a time (lib/site-access.ts), and
    // Zotero's connector on this machine when the user first sends to it (OPTIONAL_HOSTS);
    // MV2 (Firefox's build) names optional origins in optional_permissions.
    [manifestVersion === 2 ? 'optional_permissions' : 'optional_host_permissions']: [...OPTIONAL_ORIGINS, ...OPTIONAL_HOSTS],
    // public/icon/<size>.png, rendered from public/icon.svg by `npm run icons`.
    // (MV2, Firefox's build: browser_action, which WXT fills from the popup before it would copy `action`)
    icons: ICONS,
    [manifestVersion === 2 ? 'browser_action' : 'action']: { default_icon: ICONS },
    commands: {
      // (MV2, Firefox's build, names the toolbar button's command _execute_browser_action)
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Open the PaperShelf reading list',
      },
      // The list in the side panel (entrypoints/sidepanel): Firefox opens its sidebar itself; in
      // Chrome the background calls sidePanel.open (lib/side-panel.ts).
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'Open the PaperShelf reading list in the side panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // strict_min_version: the oldest Firefox the e2e suite passes on (test/e2e/firefox: ESR 140
            // and the current ESR). PaperShelf collects no data, which AMO asks new add-ons to declare.
            gecko: { id: 'papershelf@papershelf.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});

/** The store's one-line description, naming the sites of the registry (at most 132 characters). */
function manifestDescription(): string {
  const long = `Save papers from ${listOf(SITES.map((s) => s.label))} into a local reading list: tags, notes, status.`;
  return long.length <= 132 ? long : 'Save papers from research feeds into a local reading list: tags, notes and reading status, kept on your machine.';
}

function listOf(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
