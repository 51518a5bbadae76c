import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS, SITES } from './lib/sites/registry';

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
  manifest: ({ browser }) => ({
    name: 'PaperShelf',
    description: manifestDescription(),
    permissions: ['storage'],
    host_permissions: [...HOST_PERMISSIONS],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open the PaperShelf reading list' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'papershelf@papershelf.local', strict_min_version: '115.0' } } }
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
