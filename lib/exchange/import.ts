/**
 * Import: read a file into a plan (records that can be imported + entries rejected with a
 * reason), then commit the plan through library.importRecords — one transaction, merged field by
 * field (lib/exchange/merge, lib/shelf-merge). Reading writes nothing; a file-level problem (syntax error, wrong
 * format, truncation) yields one message and no plan at all.
 *
 * Formats are recognised by content first (JSON, RIS tag lines, BibTeX entries), the file name's
 * extension second. BibTeX, CSL-JSON and RIS go through citation-js (loaded on demand).
 */
import { errorMessage } from '../errors';
import type { Library } from '../library';
import type { Removal } from '../db';
import type { SavedPaper } from '../paper';
import type { SeenPaper } from '../seen/record';
import { looksLikeBackup, readBackup } from './backup';
import type { ReadEntry } from './citation';
import { fromCsl, type CslItem, type Located, type Rejection } from './csl';
import { FormatError } from './errors';
import { describeJsonError } from './json-syntax';

export type { Rejection } from './csl';

export type ImportFormat = 'backup' | 'bibtex' | 'csl-json' | 'ris';

export const IMPORT_FORMAT_NAMES: Record<ImportFormat, string> = {
  backup: 'PaperShelf JSON backup',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
  ris: 'RIS',
};

/** What a file would import. Nothing is written until commitImport. */
export interface ImportPlan {
  fileName: string;
  format: ImportFormat;
  /** entries (papers, records) found in the file */
  total: number;
  records: SavedPaper[];
  /** entries left out, each with its position, key and reason */
  rejected: Rejection[];
  /** a backup's tombstones and seen records (merged with the papers) */
  removed?: Removal[];
  seen?: SeenPaper[];
}

export type ReadResult = { ok: true; plan: ImportPlan } | { ok: false; error: string };

/**
 * The records readImportFile parsed with SavedPaper itself: committing a plan of them does not
 * parse them again (~100 ms of 10,000). A plan made some other way is parsed on commit.
 */
const parsedHere = new WeakSet<SavedPaper>();

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ReadOptions {
  /** import time (ms): savedAt / updatedAt of papers new to the library */
  now?: number;
  /**
   * The library the plan is for. Papers it already holds get updatedAt 0 when they come from
   * BibTeX / CSL-JSON / RIS: those formats carry no edit times, so the shelf's own tags, note and
   * status always win and the file only fills bibliographic gaps.
   */
  library?: Pick<Library, 'lookup'>;
  /** larger files are refused before parsing (default MAX_IMPORT_CHARS) */
  maxChars?: number;
  /**
   * Read PaperShelf backups only (folder sync's device files): anything else is refused before
   * citation-js would be loaded, which the background, a service worker, cannot (no import() there).
   */
  backupOnly?: boolean;
}

/** The refusal of a file that is not a backup, when only backups are read (ReadOptions.backupOnly). */
export const NOT_A_BACKUP = 'not a PaperShelf backup or device file';

/** 200 million characters: far above any real library (10,000 papers are about 30 MB). */
export const MAX_IMPORT_CHARS = 200_000_000;

/** citation-js's own test for a BibTeX entry: `@type{key,` … `}`. */
const BIBTEX_ENTRY = /@\s{0,5}[A-Za-z]{1,13}\s{0,5}\{\s{0,5}[^@{}"=,\\\s]{0,100}\s{0,5},[\s\S]*\}/;
const RIS_START = /^\s*TY {2}-/m;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function extensionOf(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

type Detected = { format: 'json'; value: unknown } | { format: 'bibtex' | 'ris' };

function detect(fileName: string, text: string): Detected {
  if (!text.trim()) throw new FormatError('The file is empty');
  if (text.includes('\u0000')) throw new FormatError('Not a text file: it holds binary data. Choose a JSON backup, BibTeX, CSL-JSON or RIS file.');
  const ext = extensionOf(fileName);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || ext === 'json') {
    try {
      return { format: 'json', value: JSON.parse(text) };
    } catch (err) {
      throw new FormatError(describeJsonError(text, errorMessage(err)));
    }
  }
  if (RIS_START.test(text) || ext === 'ris') return { format: 'ris' };
  if (BIBTEX_ENTRY.test(text) || ext === 'bib' || ext === 'bibtex') return { format: 'bibtex' };
  throw new FormatError('Unrecognised file format: expected a PaperShelf JSON backup (.json), BibTeX (.bib), CSL-JSON (.json) or RIS (.ris)');
}

/** Entries read by citation-js -> papers, or rejections with reasons. */
function fromEntries(entries: readonly ReadEntry[], now: number): { papers: Located[]; rejected: Rejection[] } {
  const papers: Located[] = [];
  const rejected: Rejection[] = [];
  entries.forEach((e, i) => {
    const where = { index: i + 1, ...(e.key ? { key: e.key } : {}) };
    if (!e.item) {
      rejected.push({ ...where, reason: e.error ?? 'could not be read' });
      return;
    }
    const r = fromCsl(e.item, e.extra, { now });
    if (r.ok) papers.push({ ...where, paper: r.paper });
    else rejected.push({ ...where, reason: r.reason });
  });
  return { papers, rejected };
}

/** CSL-JSON: a list of items (or one item), each read by citation-js on its own. */
async function readCslJson(value: unknown): Promise<ReadEntry[]> {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new FormatError('CSL-JSON: the list is empty, no entries found');
  const { readCslItem } = await import('./citation');
  return list.map((raw: unknown): ReadEntry => {
    const key = isObject(raw) && (typeof raw.id === 'string' || typeof raw.id === 'number') ? String(raw.id) : undefined;
    if (!isObject(raw)) return { key, extra: {}, error: 'not a CSL-JSON item (expected an object)' };
    try {
      return { key, item: readCslItem(raw), extra: {} };
    } catch (err) {
      return { key, extra: {}, error: errorMessage(err) };
    }
  });
}

/** Is this parsed JSON one CSL item rather than a backup? */
function looksLikeCslItem(v: unknown): v is CslItem {
  return isObject(v) && typeof v.type === 'string' && ('title' in v || 'id' in v);
}

/** A second entry for a paper already in the file is left out, pointing at the first. */
function dropDuplicates(papers: readonly Located[], rejected: Rejection[]): SavedPaper[] {
  const first = new Map<string, number>();
  const kept: SavedPaper[] = [];
  for (const { index, key, paper } of papers) {
    const at = first.get(paper.id);
    if (at === undefined) {
      first.set(paper.id, index);
      kept.push(paper);
    } else {
      rejected.push({ index, ...(key ? { key } : {}), reason: `same paper (${paper.id}) as entry ${at}` });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return kept;
}

type Sniffed = { ok: true; text: string; found: Detected } | { ok: false; error: string };

/** The file's text as a format: too large, empty, binary, unknown or bad JSON is an error. */
function sniff(fileName: string, rawText: string, max: number): Sniffed {
  if (rawText.length > max) {
    return { ok: false, error: `The file is too large (${(rawText.length / 1e6).toFixed(1)} million characters; the limit is ${max / 1e6} million). Nothing was imported.` };
  }
  const text = rawText.replace(/^\uFEFF/, '');
  try {
    return { ok: true, text, found: detect(fileName, text) };
  } catch (err) {
    return { ok: false, error: failure(err) };
  }
}

function failure(err: unknown): string {
  if (err instanceof FormatError) return err.message;
  return `Could not read the file: ${errorMessage(err)}`;
}

/** Whether a sniffed file is a PaperShelf backup (JSON that is no CSL-JSON). */
function isBackup(found: Detected & { format: 'json' }): boolean {
  return looksLikeBackup(found.value) || !(Array.isArray(found.value) || looksLikeCslItem(found.value));
}

/**
 * Read an import file into a plan. Never writes. `{ ok: false, error }` names a file-level
 * problem (the file is refused as a whole); otherwise the plan lists what would be imported and
 * every rejected entry with its reason.
 */
export async function readImportFile(fileName: string, rawText: string, opts: ReadOptions = {}): Promise<ReadResult> {
  const sniffed = sniff(fileName, rawText, opts.maxChars ?? MAX_IMPORT_CHARS);
  return sniffed.ok ? readSniffed(fileName, sniffed.text, sniffed.found, opts) : sniffed;
}

async function readSniffed(fileName: string, text: string, found: Detected, opts: ReadOptions): Promise<ReadResult> {
  const now = opts.now ?? Date.now();
  if (opts.backupOnly && !(found.format === 'json' && isBackup(found))) return { ok: false, error: NOT_A_BACKUP };
  try {
    let format: ImportFormat;
    let read: { papers: Located[]; rejected: Rejection[]; removed?: Removal[]; seen?: SeenPaper[] };
    let total: number;
    if (found.format === 'json' && isBackup(found)) {
      format = 'backup';
      read = readBackup(found.value);
      total = read.papers.length + read.rejected.length;
    } else {
      let entries: ReadEntry[];
      if (found.format === 'json') {
        format = 'csl-json';
        entries = await readCslJson(found.value);
      } else {
        format = found.format;
        const cite = await import('./citation');
        entries = format === 'bibtex' ? cite.readBibtex(text) : cite.readRis(text);
      }
      total = entries.length;
      read = fromEntries(entries, now);
    }
    const rejected = [...read.rejected];
    let records = dropDuplicates(read.papers, rejected);
    if (format !== 'backup' && opts.library && records.length > 0) {
      const existing = await opts.library.lookup(records.map((r) => r.id));
      // No tags either: a merge unites tag lists, and these formats' keywords must not join the shelf's.
      records = records.map((r) => (existing.has(r.id) ? { ...r, tags: [], updatedAt: 0 } : r));
    }
    for (const r of records) parsedHere.add(r);
    const extra = read.removed ? { removed: read.removed, seen: read.seen ?? [] } : {};
    return { ok: true, plan: { fileName, format, total, records, rejected, ...extra } };
  } catch (err) {
    return { ok: false, error: failure(err) };
  }
}

/** Write a plan's records (one transaction; merge rules in lib/library). */
export async function commitImport(library: Pick<Library, 'importRecords'>, plan: ImportPlan): Promise<ImportCounts> {
  const validated = plan.records.every((r) => parsedHere.has(r));
  const some = plan.records.length > 0 || (plan.removed?.length ?? 0) > 0 || (plan.seen?.length ?? 0) > 0;
  const counts = some ? await library.importRecords(plan.records, { validated, removed: plan.removed ?? [], seen: plan.seen ?? [] }) : { added: 0, updated: 0, unchanged: 0 };
  return { ...counts, rejected: plan.rejected.length };
}

/** "Entry 5 (noidentity): no identifier: needs an arXiv id, a DOI or a URL" */
export function describeRejection(r: Rejection, format: ImportFormat): string {
  const noun = format === 'backup' ? 'Paper' : format === 'ris' ? 'Record' : 'Entry';
  return `${noun} ${r.index}${r.key ? ` (${r.key})` : ''}: ${r.reason}`;
}

export type ImportOutcome =
  /** the file was refused as a whole: nothing written */
  | { kind: 'error'; error: string }
  /** some entries were rejected: nothing written until commitImport(plan) after the user confirms */
  | { kind: 'review'; plan: ImportPlan }
  /** every entry was good: imported in one transaction */
  | { kind: 'done'; plan: ImportPlan; counts: ImportCounts };

/**
 * The options page's import: read the file; if every entry is good import it at once, otherwise
 * hand back the plan for review (the rest is imported only when the user confirms).
 */
export async function importFile(
  library: Pick<Library, 'lookup' | 'importRecords' | 'importFrom'>,
  fileName: string,
  text: string,
  now = Date.now(),
  /** whether the seen history is on (off: a backup's seen records are left out) */
  seenHistory = true,
): Promise<ImportOutcome> {
  const sniffed = sniff(fileName, text, MAX_IMPORT_CHARS);
  if (!sniffed.ok) return { kind: 'error', error: sniffed.error };
  if (sniffed.found.format === 'json' && isBackup(sniffed.found)) return importBackup(library, fileName, sniffed.found.value, seenHistory);
  const read = await readSniffed(fileName, sniffed.text, sniffed.found, { now, library });
  if (!read.ok) return { kind: 'error', error: read.error };
  if (read.plan.rejected.length > 0) return { kind: 'review', plan: read.plan };
  return { kind: 'done', plan: read.plan, counts: await commitImport(library, read.plan) };
}

/** Papers of a backup checked per step of importBackup (~20 ms of work each). */
const READ_STEP = 1000;

/**
 * A backup, read and written in one go: its papers are checked a step at a time inside the write
 * (Library.importFrom), so the database writes the first ones while the rest are checked. The
 * outcome is as readImportFile + commitImport's: a rejected paper (unreadable, or the same paper as
 * an earlier one) stops the writing and undoes what was written; every paper is still checked, and
 * the plan comes back for review.
 */
async function importBackup(library: Pick<Library, 'importFrom'>, fileName: string, value: unknown, seenHistory: boolean): Promise<ImportOutcome> {
  const env = value as Record<string, unknown>;
  const all: unknown[] = isObject(env) && Array.isArray(env.papers) ? env.papers : [];
  let head: ReturnType<typeof readBackup>;
  try {
    // The envelope, tombstones and seen records first: a wrong one refuses the file before
    // anything is written (readBackup throws for it; without a list of papers, for the file as it is).
    head = readBackup(isObject(env) && Array.isArray(env.papers) ? { ...env, papers: [] } : value);
  } catch (err) {
    return { kind: 'error', error: failure(err) };
  }
  const { removed } = head;
  // The user turned the history off: a backup does not bring it back.
  const seen = seenHistory ? head.seen : [];
  const rejected: Rejection[] = [];
  const records: SavedPaper[] = [];
  const first = new Map<string, number>();
  let pos = 0;
  const step = () => {
    // The first step always comes (it carries the tombstones and seen records, even with no papers).
    if (pos >= all.length && pos > 0) return null;
    const read = readBackup({ ...env, papers: all.slice(pos, pos + READ_STEP), removed: [], seen: [] });
    const fresh: SavedPaper[] = [];
    for (const r of read.rejected) rejected.push({ ...r, index: r.index + pos });
    for (const { index, key, paper } of read.papers) {
      const at = first.get(paper.id);
      if (at !== undefined) {
        rejected.push({ index: index + pos, ...(key ? { key } : {}), reason: `same paper (${paper.id}) as entry ${at}` });
        continue;
      }
      first.set(paper.id, index + pos);
      parsedHere.add(paper);
      records.push(paper);
      fresh.push(paper);
    }
    const extra = pos === 0 ? { removed, seen } : {};
    pos += READ_STEP;
    return { records: fresh, ...extra, ok: rejected.length === 0 };
  };
  const counts = await library.importFrom(step);
  rejected.sort((a, b) => a.index - b.index);
  const plan: ImportPlan = { fileName, format: 'backup', total: all.length, records, rejected, removed, seen };
  return counts ? { kind: 'done', plan, counts: { ...counts, rejected: 0 } } : { kind: 'review', plan };
}
