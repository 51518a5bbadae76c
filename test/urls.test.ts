/**
 * The URL table across all adapters (github-url-detection style): each adapter claims its own
 * example URLs with the right kind, rejects its negatives and every other adapter's URLs; a list
 * of unrelated pages on the same hosts is claimed by none; the manifest's match patterns and host
 * permissions cover every claimed URL; and every claimed kind has a fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { HOST_PERMISSIONS } from '../lib/sites/hosts';
import { ADAPTERS, adapterFor } from '../lib/sites/index';
import type { PageKind } from '../lib/sites/types';
import { fixtureUrl } from './fixture-url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Pages on (or near) the supported hosts that no adapter may claim. */
const UNRELATED = [
  'https://arxiv.org/help/api',
  'https://arxiv.org/',
  'https://arxiv.org/pdf/2301.01234',
  'https://arxiv.org/a/smith_j_1',
  'https://info.arxiv.org/help/api/index.html',
  'https://huggingface.co/models',
  'https://huggingface.co/docs',
  'https://huggingface.co/papers/foo/bar',
  'https://huggingface.co/papers/not-an-id',
  'https://huggingface.co/datasets/someone/arxiv-abstracts',
  'https://example.com/abs/2301.01234',
  'https://example.com/list/cs/new',
  'https://example.com/papers/2305.13169',
];

/** Chrome match pattern -> RegExp: `*` is a wildcard; the path part also covers the query, never the hash. */
const patternRe = (m: string) => new RegExp(`^${m.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
const covered = (patterns: readonly string[], url: string) => patterns.map(patternRe).some((re) => re.test(url.replace(/#.*$/, '')));

const claims = ADAPTERS.flatMap((a) => a.examples.claims.map(([url, kind]) => [a.id, url, kind] as const));

describe('URL table', () => {
  it('adapter ids are unique slugs, and every adapter lists claims and rejects', () => {
    const ids = ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['huggingface', 'arxiv']);
    for (const a of ADAPTERS) {
      expect(a.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(a.examples.claims.length, a.id).toBeGreaterThan(0);
      expect(a.examples.rejects.length, a.id).toBeGreaterThan(0);
    }
  });

  it.each(claims)('%s claims %s as %s, and adapterFor picks it', (id, url, kind) => {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    expect(adapter.detect(new URL(url))).toBe(kind);
    expect(adapterFor(url)).toEqual({ adapter, kind });
  });

  it.each(ADAPTERS.flatMap((a) => a.examples.rejects.map((url) => [a.id, url] as const)))('%s rejects %s', (id, url) => {
    expect(ADAPTERS.find((a) => a.id === id)!.detect(new URL(url))).toBeNull();
  });

  it.each(claims)("%s's %s is rejected by every other adapter", (id, url) => {
    for (const other of ADAPTERS.filter((a) => a.id !== id)) expect(other.detect(new URL(url)), other.id).toBeNull();
  });

  it.each(UNRELATED)('%s is claimed by no adapter', (url) => {
    for (const a of ADAPTERS) expect(a.detect(new URL(url)), a.id).toBeNull();
    expect(adapterFor(url)).toBeNull();
  });

  it('adapterFor() takes strings or URLs and returns null on junk', () => {
    expect(adapterFor('not a url')).toBeNull();
    expect(adapterFor(new URL('https://arxiv.org/list/cs/new'))?.adapter.id).toBe('arxiv');
  });
});

describe('match patterns and permissions', () => {
  // Each site's content script runs on exactly its adapter's matches (entrypoints/<site>.content.ts;
  // test/e2e/manifest.spec.ts checks the built manifest).
  it.each(claims)("%s: %s is covered by the adapter's matches (its content script's)", (id, url) => {
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    expect(covered(adapter.matches, url)).toBe(true);
  });

  it('every host a content script runs on has a permission; nothing else', () => {
    const adapterMatches = ADAPTERS.flatMap((a) => [...a.matches]);
    const origins = (patterns: readonly string[]) => new Set(patterns.map((m) => /^(https:\/\/[^/]+)\//.exec(m)![1]));
    expect([...origins(HOST_PERMISSIONS)].sort()).toEqual([...origins(adapterMatches)].sort());
    expect([...HOST_PERMISSIONS].sort()).toEqual(['https://arxiv.org/*', 'https://huggingface.co/*']);
  });
});

describe('fixtures per claimed kind', () => {
  /** The page kinds the fixtures of one adapter's folder stand for. */
  function fixtureKinds(id: string): Set<PageKind | null> {
    const dir = path.join(FIXTURES, id);
    if (!existsSync(dir)) return new Set();
    const adapter = ADAPTERS.find((a) => a.id === id)!;
    return new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => {
          const html = readFileSync(path.join(dir, f), 'utf8');
          const url = fixtureUrl(html);
          if (!url) throw new Error(`${id}/${f} has no papershelf-fixture-url`);
          return adapter.detect(new URL(url));
        }),
    );
  }

  it.each(ADAPTERS.map((a) => [a.id, a] as const))('%s has a fixture for each kind it claims, and a negative one', (id, adapter) => {
    const kinds = fixtureKinds(id);
    for (const kind of new Set(adapter.examples.claims.map(([, k]) => k))) expect(kinds.has(kind), `${id}: no fixture for ${kind}`).toBe(true);
    expect(kinds.has(null), `${id}: no fixture of an unclaimed page`).toBe(true);
  });
});
