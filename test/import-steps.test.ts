/**
 * A backup is checked and written a step at a time in one transaction (lib/exchange/import
 * importBackup, Library.importFrom): the outcome is the same as reading the whole file first —
 * an entry rejected in a late step undoes what earlier steps wrote, and the plan comes back for
 * review with every rejection.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { timesOf } from '@/lib/shelf-times';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/exchange/backup';
import { commitImport, importFile } from '@/lib/exchange/import';
import { openDb } from '@/lib/db';
import { Library } from '@/lib/library';
import { SavedPaper } from '@/lib/paper';

function paper(i: number): SavedPaper {
  const id = `2601.${String(i).padStart(5, '0')}`;
  return {
    id: `arxiv:${id}`,
    title: `Paper number ${i}`,
    authors: ['Ada Okonkwo'],
    arxivId: id,
    links: { abs: `https://arxiv.org/abs/${id}` },
    signals: {},
    sources: [{ site: 'arxiv', url: `https://arxiv.org/abs/${id}`, firstSeenAt: 1, lastSeenAt: 1 }],
    tags: i % 3 ? ['rl'] : [],
    note: '',
    status: 'unread',
    savedAt: 1_000 + i,
    updatedAt: 1_000 + i,
  };
}

const backup = (papers: readonly unknown[]) => JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: '2026-12-01T00:00:00.000Z', papers });
const library = () => new Library(openDb(`import-steps-${Math.random()}`));

describe('a backup imported in steps', () => {
  it('writes every paper, without the search words a backup from an older PaperShelf carries', async () => {
    const lib = library();
    const papers = Array.from({ length: 2500 }, (_, k) => paper(k + 1));
    const old = papers.map((p, k) => (k === 7 ? { ...p, words: ['old', 'words'] } : p));
    const out = await importFile(lib, 'b.json', backup(old));
    expect(out.kind).toBe('done');
    if (out.kind === 'done') expect(out.counts).toEqual({ added: 2500, updated: 0, unchanged: 0, rejected: 0 });
    expect(await lib.count()).toBe(2500);
    // Stored with its field times (a record without them: every field changed at its updatedAt).
    expect(await lib.get(papers[7]!.id)).toEqual({ ...papers[7], sites: ['arxiv'], times: timesOf(papers[7]!) });
  });

  it('a paper rejected in a late step undoes the earlier steps; the plan lists it, and commits after review', async () => {
    const lib = library();
    await lib.importRecords([paper(1)]);
    const papers: unknown[] = Array.from({ length: 2500 }, (_, k) => paper(k + 1));
    papers[2199] = { ...(papers[2199] as SavedPaper), status: 'finished' };
    papers.push(paper(5)); // the same paper as entry 5
    const out = await importFile(lib, 'b.json', backup(papers));
    expect(out.kind).toBe('review');
    if (out.kind !== 'review') return;
    expect(out.plan.total).toBe(2501);
    expect(out.plan.records).toHaveLength(2499);
    expect(out.plan.rejected.map((r) => [r.index, r.key])).toEqual([
      [2200, 'arxiv:2601.02200'],
      [2501, 'arxiv:2601.00005'],
    ]);
    expect(out.plan.rejected[1]!.reason).toBe('same paper (arxiv:2601.00005) as entry 5');
    // Nothing written: the one paper from before is all there is.
    expect((await lib.all()).map((p) => p.id)).toEqual(['arxiv:2601.00001']);
    // Confirming imports the rest.
    expect(await commitImport(lib, out.plan)).toEqual({ added: 2498, updated: 0, unchanged: 1, rejected: 2 });
    expect(await lib.count()).toBe(2499);
    for (const r of await lib.all()) expect(SavedPaper.parse(r)).toEqual(r);
  });
});
