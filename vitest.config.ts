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
    // The toolbar's stylesheets are imported `?inline` (strings); other CSS is not needed here.
    css: { include: [/components\/toolbar\/(toolbar|page)\.css/] },
  },
});
