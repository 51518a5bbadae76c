/**
 * Saved papers for the popup and import benchmarks: valid SavedPaper records built in Node
 * (seeded, so every run stores the same library), with the derived `sites` field computed by
 * the extension's own lib/db. Written raw into the extension's IndexedDB, or as a JSON backup.
 */
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../lib/exchange/backup';
import { sitesOf } from '../../lib/db';
import { SavedPaper } from '../../lib/paper';
import { SeenPaper } from '../../lib/seen/record';
import { capitalise, FIRST_NAMES, LAST_NAMES, phrase, pick, rng } from './pages';

export const TAGS = ['rl', 'nlp', 'vision', 'diffusion', 'to-read', 'survey', 'theory', 'robotics', 'speech', 'graphs', 'efficiency', 'deep learning'] as const;
const NOTES = ['Compare with the baseline in section 4.', 'Read for the reading group.', 'Code looks clean; try on our data.', 'Check the ablation on scaling.'];

/** `n` saved papers, newest first by savedAt. */
export function savedPapers(n: number, seed = 1): SavedPaper[] {
  const base = Date.UTC(2026, 10, 1);
  const out: SavedPaper[] = [];
  for (let i = 1; i <= n; i++) {
    const r = rng(seed * 1_000_003 + i);
    const arxivId = `2501.${String(i).padStart(5, '0')}`;
    const onHf = r() < 0.6;
    const savedAt = base - i * 60_000;
    const year = 2015 + Math.floor(r() * 11);
    const tags = r() < 0.7 ? [...new Set(Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, TAGS)))] : [];
    const p: Omit<SavedPaper, 'sites'> = {
      id: `arxiv:${arxivId}`,
      title: `${capitalise(phrase(r, 3 + Math.floor(r() * 8)))} ${i}`,
      authors: Array.from({ length: 2 + Math.floor(r() * 7) }, () => `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`),
      abstract: `${capitalise(phrase(r, 80 + Math.floor(r() * 80)))}.`,
      publishedAt: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      arxivId,
      links: {
        page: onHf ? `https://huggingface.co/papers/${arxivId}` : `https://arxiv.org/abs/${arxivId}`,
        abs: `https://arxiv.org/abs/${arxivId}`,
        pdf: `https://arxiv.org/pdf/${arxivId}`,
      },
      signals: onHf ? { upvotes: Math.floor(r() * 400), comments: Math.floor(r() * 30) } : {},
      signalsSeenAt: savedAt,
      sources: [{ site: onHf ? 'huggingface' : 'arxiv', url: onHf ? `https://huggingface.co/papers/${arxivId}` : `https://arxiv.org/abs/${arxivId}`, firstSeenAt: savedAt, lastSeenAt: savedAt }],
      tags,
      note: r() < 0.2 ? pick(r, NOTES) : '',
      status: pick(r, ['unread', 'unread', 'reading', 'read'] as const),
      savedAt,
      updatedAt: savedAt,
    };
    // The derived field, as lib/library derives it on every write.
    out.push({ ...p, sites: sitesOf(p.sources) });
  }
  // The generator must produce what the extension stores: check a sample against the schema.
  for (const p of out.filter((_, k) => k % 997 === 0)) SavedPaper.parse(p);
  return out;
}

/** The JSON backup file (lib/exchange/backup's format) of these papers. */
export function backupText(papers: readonly SavedPaper[]): string {
  return `${JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(Date.UTC(2026, 10, 27)).toISOString(), papers }, null, 2)}\n`;
}

/** `n` seen-history records (lib/seen/record), one a minute back from 2026-12-01, newest first; ids apart from savedPapers'. */
export function seenPapers(n: number, seed = 7): SeenPaper[] {
  const base = Date.UTC(2026, 11, 1);
  const out: SeenPaper[] = [];
  for (let i = 1; i <= n; i++) {
    const r = rng(seed * 1_000_003 + i);
    const arxivId = `2502.${String(i).padStart(5, '0')}`;
    const onHf = r() < 0.6;
    const lastSeen = base - i * 60_000;
    out.push({
      id: `arxiv:${arxivId}`,
      title: `${capitalise(phrase(r, 3 + Math.floor(r() * 8)))} ${i}`,
      authors: Array.from({ length: 2 + Math.floor(r() * 7) }, () => `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`),
      ...(onHf ? { link: `https://huggingface.co/papers/${arxivId}` } : {}),
      url: onHf ? 'https://huggingface.co/papers/date/2026-11-30' : 'https://arxiv.org/list/cs.LG/new',
      site: onHf ? 'huggingface' : 'arxiv',
      firstSeen: lastSeen - Math.floor(r() * 7) * 86_400_000,
      lastSeen,
    });
  }
  for (const p of out.filter((_, k) => k % 997 === 0)) SeenPaper.parse(p);
  return out;
}
