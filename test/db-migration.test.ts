/**
 * Every shipped Dexie version stays declared; each upgrade is tested from saved data of the
 * version before it.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb, SCHEMA_V1 } from '@/lib/db';
import { SavedPaper } from '@/lib/paper';

const saved = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'db', 'v1-records.json'), 'utf8')) as {
  records: SavedPaper[];
};

async function seedV1(name: string): Promise<void> {
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  await v1.table('papers').bulkPut(saved.records);
  v1.close();
}

describe('database v1 -> v2', () => {
  it('keeps every record, derives sites and moves subject-class arXiv keys to the canonical form', async () => {
    const name = `migrate-${Math.random()}`;
    await seedV1(name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    const all = await db.papers.orderBy('id').toArray();
    const [hf, math, oldV1] = saved.records;
    expect(all).toEqual([
      { ...hf, sites: ['huggingface', 'arxiv'] },
      {
        id: 'arxiv:hep-th/9901001',
        title: 'Made-up old paper saved twice',
        authors: ['Ivo Petrov'],
        arxivId: 'hep-th/9901001',
        links: { page: 'https://huggingface.co/papers/hep-th/9901001' },
        signals: {},
        sources: [
          { site: 'huggingface', url: 'https://huggingface.co/papers/hep-th/9901001', firstSeenAt: 1771500000000, lastSeenAt: 1771500000000 },
          oldV1!.sources[0],
        ],
        sites: ['huggingface', 'arxiv'],
        tags: ['classics', 'strings'],
        note: 'The newer edit of the two.',
        status: 'reading',
        savedAt: 1771000000000,
        updatedAt: 1771600000000,
        words: ['made', 'up', 'old', 'paper'],
      },
      { ...math, id: 'arxiv:math/0309136', arxivId: 'math/0309136', sites: ['arxiv'] },
    ]);
    for (const r of all) expect(SavedPaper.parse(r)).toEqual(r);
    // The new index answers.
    expect((await db.papers.where('sites').equals('arxiv').primaryKeys()).sort()).toEqual([
      'arxiv:2602.21847',
      'arxiv:hep-th/9901001',
      'arxiv:math/0309136',
    ]);
    db.close();
  });

  it('an empty v1 database upgrades cleanly', async () => {
    const name = `migrate-empty-${Math.random()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    v1.close();
    const db = openDb(name);
    expect(await db.papers.count()).toBe(0);
    expect(db.verno).toBe(2);
  });
});
