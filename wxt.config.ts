import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { HOST_PERMISSIONS } from './lib/sites/hosts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  srcDir: '.',
  modulesDir: 'wxt-modules',
  outDir: '.output',
  // Terser, not Vite's default minifier: ~150 B smaller gzipped content scripts, which must stay
  // under 20 kB (npm run bench), for a slower build.
  vite: () => ({ plugins: [preact()], build: { minify: 'terser', terserOptions: { compress: { passes: 3 } } } }),
  manifest: ({ browser }) => ({
    name: 'PaperShelf',
    description:
      'Save papers from Hugging Face Papers and arXiv into a local reading list: tags, notes and reading status, stored only on your machine.',
    permissions: ['storage'],
    host_permissions: [...HOST_PERMISSIONS],
    action: { default_title: 'PaperShelf reading list' },
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open the PaperShelf reading list' },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'papershelf@papershelf.local', strict_min_version: '115.0' } } }
      : {}),
  }),
});
