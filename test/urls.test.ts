/**
 * The URL table across all adapters (github-url-detection style): each adapter claims its own
 * example URLs with the right kind, rejects its negatives and every other adapter's URLs; a list
 * of unrelated pages on the same hosts is claimed by none; the manifest's match patterns and host
 * permissions cover every claimed URL; and every claimed kind has a fixture.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpUrl } from '../lib/draft';
import { adapterFor } from '../lib/sites/index';
import { HOST_PERMISSIONS, SITES } from '../lib/sites/registry';
import type { PageKind } from '../lib/sites/types';
import { fixtureUrl } from './fixture-url';
import { FIXTURES, patternRe, REGISTERED, siteFolders } from './helpers/sites';

/** Pages on no supported host that no adapter may claim (each site lists its own in examples.rejects). */
const UNRELATED = [
  'https://example.com/abs/2301.01234',
  'https://example.com/list/cs/new',
  'https://example.com/papers/2305.13169',
  'https://example.com/forum?id=abc',
];

const covered = (patterns: readonly string[], url: string) => patterns.map(patternRe).some((re) => re.test(url.replace(/#.*$/, '')));

const ADAPTERS = REGISTERED.map((r) => r.adapter);
const claims = REGISTERED.flatMap(({ adapter, examples }) => examples.claims.map(([url, kind]) => [adapter.id, url, kind] as const));
const site = (id: string) => REGISTERED.find((r) => r.meta.id === id)!;

describe('URL table', () => {
  it('site ids are unique slugs, one per folder of lib/sites, and every adapter lists claims and rejects', () => {
    const ids = SITES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(siteFolders());
    for (const { meta, adapter, examples } of REGISTERED) {
      expect(meta.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(adapter.id, `lib/sites/${meta.id}/adapter.ts`).toBe(meta.id);
      expect(examples.claims.length, meta.id).toBeGreaterThan(0);
      expect(examples.rejects.length, meta.id).toBeGreaterThan(0);
    }
  });

  it.each(claims)('%s claims %s as %s, and adapterFor picks it', (id, url, kind) => {
    const { adapter } = site(id);
    expect(adapter.detect(new URL(url))).toBe(kind);
    expect(adapterFor(url)).toEqual({ adapter, kind });
  });

  it.each(REGISTERED.flatMap(({ meta, examples }) => examples.rejects.map((url) => [meta.id, url] as const)))('%s rejects %s', (id, url) => {
    expect(site(id).adapter.detect(new URL(url))).toBeNull();
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
  it.each(claims)("%s: %s is covered by the site's matches (its content script's)", (id, url) => {
    expect(covered(site(id).meta.matches, url)).toBe(true);
  });

  it("each site's hosts are exactly the origins its content script runs on, each a whole origin and no broader", () => {
    const origins = (patterns: readonly string[]) => [...new Set(patterns.map((m) => /^(https:\/\/[^/*]+)\//.exec(m)?.[1] ?? m))].sort();
    for (const { meta } of REGISTERED) {
      expect(origins(meta.hosts), meta.id).toEqual(origins(meta.matches));
      for (const h of meta.hosts) expect(h, meta.id).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    }
    expect(HOST_PERMISSIONS).toEqual(SITES.flatMap((s) => s.hosts));
  });
});

describe('fixtures per claimed kind', () => {
  /** The page kinds the fixtures of one adapter's folder stand for. */
  function fixtureKinds(id: string): Set<PageKind | null> {
    const dir = path.join(FIXTURES, id);
    if (!existsSync(dir)) return new Set();
    const { adapter } = site(id);
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

  it.each(REGISTERED.map((r) => [r.meta.id, r.examples] as const))('%s has a fixture for each kind it claims, and a negative one', (id, examples) => {
    const kinds = fixtureKinds(id);
    for (const kind of new Set(examples.claims.map(([, k]) => k))) expect(kinds.has(kind), `${id}: no fixture for ${kind}`).toBe(true);
    expect(kinds.has(null), `${id}: no fixture of an unclaimed page`).toBe(true);
  });
});

describe('httpUrl (lib/draft): the links a record may hold', () => {
  it('takes what the platform parses as an http(s) URL, and nothing else', () => {
    const ok = ['https://arxiv.org/abs/2401.00001', 'HTTP://EXAMPLE.ORG', 'http:///example.org/x', 'https://x.org/a b', 'http://[::1]:8080/'];
    const bad = ['http://', 'https://a b', 'http://%zz/', 'ftp://x.org/', 'javascript:alert(1)', '//x.org/', 'x.org', ''];
    expect(ok.filter((u) => httpUrl.safeParse(u).success)).toEqual(ok);
    expect(bad.filter((u) => httpUrl.safeParse(u).success)).toEqual([]);
  });
});
