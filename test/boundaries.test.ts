/**
 * The database lives on the extension origin: nothing the content script imports, directly or
 * through other modules, may reach lib/db, lib/library or Dexie.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('content-script boundary', () => {
  for (const entry of ['entrypoints/huggingface.content.ts', 'entrypoints/arxiv.content.ts']) {
    it(`${entry} never imports the database, nor another site's adapter`, () => {
      const files = [...graph(path.join(ROOT, entry))].map((f) => (f.startsWith('pkg:') ? f : path.relative(ROOT, f)));
      expect(files).toContain('lib/content/scanner.ts');
      expect(files.filter((f) => /lib\/(db|library|requests)\.ts$|^pkg:dexie|lib\/exchange/.test(f))).toEqual([]);
      expect(files.filter((f) => f.startsWith('lib/sites/') && !/(types|pick|hosts|common)\.ts$/.test(f))).toEqual([`lib/sites/${path.basename(entry, '.content.ts')}.ts`]);
    });
  }
});
