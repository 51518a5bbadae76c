/**
 * Every registered site as the tests see it: its metadata, adapter and URL table, loaded by the
 * lib/sites/<id>/ convention in the registry's order. A new site is covered by every test that
 * reads this, with no edit here.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAdapter, loadExamples } from '../../lib/sites/index';
import { SITES } from '../../lib/sites/registry';
import type { SiteAdapter, SiteMeta, UrlExamples } from '../../lib/sites/types';

export interface RegisteredSite {
  meta: SiteMeta;
  adapter: SiteAdapter;
  examples: UrlExamples;
}

export const REGISTERED: readonly RegisteredSite[] = await Promise.all(
  SITES.map(async (meta) => ({ meta, adapter: await loadAdapter(meta.id), examples: await loadExamples(meta.id) })),
);

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = path.join(PROJECT_ROOT, 'test', 'fixtures');
/** Fixture folders that are not a site's (import files, saved databases, hostile pages). */
export const NON_SITE_FIXTURES = ['db', 'import', 'hostile'];

/** The site folders under lib/sites (each holds a meta.ts). */
export function siteFolders(): string[] {
  const dir = path.join(PROJECT_ROOT, 'lib', 'sites');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, 'meta.ts')))
    .map((d) => d.name)
    .sort();
}

/** Chrome match pattern -> RegExp: `*` is a wildcard; the path part also covers the query, never the hash. */
export const patternRe = (m: string): RegExp => new RegExp(`^${m.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
