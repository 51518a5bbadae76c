/** The README's supported-pages and permissions tables are the registry's (npm run readme). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS, SITES } from '../lib/sites/registry';
import { README, withTables } from './tools/readme-tables';

describe('README tables', () => {
  const readme = readFileSync(README, 'utf8');

  it('are up to date with the site registry (run `npm run readme` after changing a site)', () => {
    expect(withTables(readme)).toBe(readme);
  });

  it('name every site and every host permission', () => {
    for (const s of SITES) expect(readme).toContain(`| ${s.label} |`);
    for (const h of HOST_PERMISSIONS) expect(readme).toContain(`\`${h}\``);
  });
});
