import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WxtVitest: the same aliases (@/…), auto-imports and a fake `browser` as the extension build.
  plugins: [WxtVitest()],
  test: {
    globals: true,
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Tests assert results, never speed: the property tests over fake IndexedDB take seconds on a
    // loaded 2-core machine, and Vitest's 5 s default would fail them for being slow.
    testTimeout: 30_000,
    // The toolbar's stylesheets are imported `?inline` (strings); other CSS is not needed here.
    css: { include: [/components\/toolbar\/(toolbar|page)\.css/] },
  },
});
