/**
 * The database lives on the extension origin: nothing the content script imports, directly or
 * through other modules, may reach lib/db, lib/library or Dexie. Each content script carries its
 * own site's adapter only; the extension's pages carry the sites' metadata, never an adapter.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITES } from '../lib/sites/registry';

const ROOT = path.resolve(import.meta.dirname, '..');
// Runtime imports only (`import type` / `export type` are erased from the bundle), static ones at
// the start of a line (indented too) and dynamic `import('…')` anywhere.
const IMPORT = /^\s*(?:import|export)\s(?!type\s)[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function resolve(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith('@/')) base = path.join(ROOT, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
  else return `pkg:${spec}`;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    if (existsSync(base + ext) && !base.endsWith('/') && (ext || /\.(ts|tsx)$/.test(base))) return base + ext;
  }
  return null;
}

function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.startsWith('pkg:')) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const dep = resolve(file, (m[1] ?? m[2] ?? m[3])!);
      if (dep) todo.push(dep);
    }
  }
  return seen;
}

const rel = (files: Set<string>) => [...files].map((f) => (f.startsWith('pkg:') ? f : path.relative(ROOT, f)));
const CONTENT_ENTRIES = readdirSync(path.join(ROOT, 'entrypoints')).filter((f) => f.endsWith('.content.ts'));

/**
 * Content scripts not in the manifest: registered at runtime for the sites the user turns on
 * (lib/site-access.ts), each with registration 'runtime' and no matches of its own.
 */
const RUNTIME_ENTRIES = ['embedded'];

describe('content-script boundary', () => {
  it('there is one content script per registered site, named by its id, and the runtime-registered ones', () => {
    expect(CONTENT_ENTRIES.map((f) => f.slice(0, -'.content.ts'.length)).sort()).toEqual([...SITES.map((s) => s.id), ...RUNTIME_ENTRIES].sort());
  });

  for (const id of RUNTIME_ENTRIES) {
    it(`${id}.content.ts is registered at runtime (not in the manifest, no matches)`, () => {
      const source = readFileSync(path.join(ROOT, 'entrypoints', `${id}.content.ts`), 'utf8');
      expect(source).toMatch(/registration:\s*'runtime'/);
      expect(source).not.toMatch(/\bmatches\b\s*[:,]/);
    });
  }

  for (const entry of CONTENT_ENTRIES) {
    const id = entry.slice(0, -'.content.ts'.length);
    it(`${entry} never imports the database, the registry, zod, nor another site's adapter`, () => {
      const files = rel(graph(path.join(ROOT, 'entrypoints', entry)));
      expect(files).toContain('lib/content/scanner.ts');
      expect(files).toContain(`lib/sites/${id}/adapter.ts`);
      expect(files.filter((f) => /lib\/(db|library|requests)\.ts$|^pkg:dexie|lib\/exchange/.test(f))).toEqual([]);
      const sites = files.filter((f) => f.startsWith('lib/sites/'));
      expect(sites.filter((f) => !/^lib\/sites\/(types|pick|common)\.ts$/.test(f) && !f.startsWith(`lib/sites/${id}/`))).toEqual([]);
      expect(sites.filter((f) => f.endsWith('/examples.ts'))).toEqual([]);
      // What it extracts is parsed with zod where it enters the extension (lib/requests.ts);
      // zod itself would be a third of the script every feed page loads.
      expect(files.filter((f) => f.startsWith('pkg:zod'))).toEqual([]);
    });
  }
});

describe('the page reader (injected when the popup opens on a page)', () => {
  it('entrypoints/page-reader.ts carries the adapters but no database and no zod (the popup parses its answer)', () => {
    const files = rel(graph(path.join(ROOT, 'entrypoints', 'page-reader.ts')));
    expect(files).toContain('lib/sites/embedded/adapter.ts');
    expect(files.filter((f) => /lib\/(db|library|requests)\.ts$|^pkg:dexie|lib\/exchange|^pkg:zod/.test(f))).toEqual([]);
  });
});

describe('extension pages carry site metadata only', () => {
  for (const entry of ['entrypoints/background.ts', 'entrypoints/popup/main.tsx', 'entrypoints/sidepanel/main.tsx', 'entrypoints/options/main.tsx']) {
    it(`${entry} imports no adapter and no URL table`, () => {
      const files = rel(graph(path.join(ROOT, entry)));
      expect(files.filter((f) => /^lib\/sites\/(index|pick|common)\.ts$|^lib\/sites\/[^/]+\/(adapter|examples)\.ts$/.test(f))).toEqual([]);
    });
  }
});
