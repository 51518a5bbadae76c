/**
 * The citation-js boundary: CSL items <-> BibTeX / RIS text. Only the options page reaches this
 * module (through a dynamic import in lib/exchange), so citation-js never lands in the content
 * script or the popup.
 *
 * citation-js does the mapping and the escaping (LaTeX accents, special characters, names,
 * dates). Two things it does not do are done here, on its intermediate objects:
 * - arXiv identity in BibTeX: its mapping knows `eprint` only for PubMed, so `eprint`,
 *   `archivePrefix` and `primaryClass` are added on export and read from the raw entry on import;
 * - RIS lines: its RIS text output wraps every value at 70 characters, which breaks words when
 *   the file is read back, so each tag is written on one line from its RIS objects instead.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { errorMessage } from '../errors';
import { TEX_MATH as MATH, type CslItem, type ExtraIds } from './csl';
import { FormatError } from './errors';


/** citation-js's BibTeX entry object (raw on input, escaped on output). */
interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, string | number>;
}

/** One entry read from a file: a CSL item, or why it could not be read. */
export interface ReadEntry {
  key?: string;
  item?: CslItem;
  extra: ExtraIds;
  error?: string;
}

// ---------------------------------------------------------------------------------------------
// BibTeX

/** BibTeX keys cannot repeat in one file: the second "Muller2023alpha" becomes "Muller2023alphab". */
function uniqueLabels(entries: BibEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const base = e.label || 'paper';
    let label = base;
    for (let n = 1; seen.has(label); n++) label = base + (n < 26 ? String.fromCharCode(97 + n) : String(n));
    seen.add(label);
    e.label = label;
  }
}

/** arXiv subject classes are plain codes (cs.LG, hep-th, math.GT): safe in BibTeX as they are. */
const SUBJECT_CLASS = /^[A-Za-z-]+(?:\.[A-Za-z-]+)?$/;

const PLACEHOLDER = /xqzmath(\d+)zqx/g;

function balancedBraces(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * citation-js escapes text for BibTeX, which turns TeX math into literal characters
 * (\textdollar{}\textbackslash{}alpha…). Math spans are swapped for lower-case placeholders it
 * leaves alone, and put back, as written, after it has escaped the rest.
 */
function protectMath(text: string | undefined, spans: string[]): string | undefined {
  return text?.replace(MATH, (m) => {
    if (!balancedBraces(m)) return m;
    spans.push(m);
    return `xqzmath${spans.length - 1}zqx`;
  });
}

function restoreMath(value: string | number | undefined, spans: readonly string[]): string | number | undefined {
  return typeof value === 'string' ? value.replace(PLACEHOLDER, (m, i: string) => spans[Number(i)] ?? m) : value;
}

/**
 * BibTeX for CSL items (`extra[i]` belongs to `items[i]`): citation-js's BibTeX mapping, as
 * `@misc` entries (preprints have no journal) with arXiv's own eprint fields, and the abstract
 * and keywords from its BibLaTeX mapping (its BibTeX one leaves them out).
 */
export function toBibtex(items: readonly CslItem[], extra: readonly ExtraIds[] = []): string {
  const titleMath: string[][] = items.map(() => []);
  const abstractMath: string[][] = items.map(() => []);
  const guarded = items.map((item, i) => {
    const out: CslItem = { ...item };
    if (item.title !== undefined) out.title = protectMath(item.title, titleMath[i]!);
    if (item.abstract !== undefined) out.abstract = protectMath(item.abstract, abstractMath[i]!);
    return out;
  });
  // Keys come from the items as they are (a placeholder must not become part of a key).
  const labels = (plugins.output.format('bibtex', items, { format: 'object' }) as BibEntry[]).map((e) => e.label);
  const bib = plugins.output.format('bibtex', guarded, { format: 'object' }) as BibEntry[];
  const blx = plugins.output.format('biblatex', guarded, { format: 'object' }) as BibEntry[];
  bib.forEach((e, i) => (e.label = labels[i] ?? e.label));
  uniqueLabels(bib);
  return bib
    .map((entry, i) => {
      const props: Record<string, string | number> = { ...entry.properties };
      if (props.title !== undefined) props.title = restoreMath(props.title, titleMath[i]!)!;
      const ex = extra[i] ?? {};
      if (ex.eprint) {
        props.eprint = ex.eprint;
        props.archivePrefix = 'arXiv';
        if (ex.primaryClass && SUBJECT_CLASS.test(ex.primaryClass)) props.primaryClass = ex.primaryClass;
      }
      const full = blx[i]?.properties ?? {};
      if (full.abstract !== undefined) props.abstract = restoreMath(full.abstract, abstractMath[i]!)!;
      if (full.keywords !== undefined) props.keywords = full.keywords;
      const fields = Object.entries(props).map(([k, v]) => `\t${k} = {${v}},\n`);
      return `@misc{${entry.label},\n${fields.join('')}}\n`;
    })
    .join('\n');
}

/** "expected "text", got EOF at line 1 col 22:\n…" -> "at line 1, column 22: expected …". */
function describeBibtexError(err: unknown): string {
  const first = errorMessage(err).split('\n')[0]!.replace(/:$/, '');
  const m = /^(.*?) at line (\d+) col (\d+)$/.exec(first);
  if (!m) return `BibTeX syntax error: ${first}`;
  const truncated = /got EOF/.test(m[1]!) ? ' (the file ends inside an entry: is it truncated?)' : '';
  return `BibTeX syntax error at line ${m[2]}, column ${m[3]}: ${m[1]}${truncated}`;
}

function rawString(v: string | number | undefined): string | undefined {
  return v === undefined ? undefined : String(v).replace(/[{}]/g, '').trim() || undefined;
}

/**
 * Read BibTeX / BibLaTeX text. A syntax error refuses the whole file (FormatError); an entry
 * citation-js cannot map is returned with its error, so the others can still be imported.
 */
export function readBibtex(text: string): ReadEntry[] {
  let raw: BibEntry[];
  try {
    raw = plugins.input.data(text, '@biblatex/text') as BibEntry[];
  } catch (err) {
    throw new FormatError(describeBibtexError(err));
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new FormatError('BibTeX: no entries found');
  return raw.map((entry) => {
    const p = entry.properties;
    const extra: ExtraIds = {};
    const eprint = rawString(p.eprint);
    if (eprint) extra.eprint = eprint;
    const eprintType = rawString(p.archiveprefix ?? p.eprinttype);
    if (eprintType) extra.eprintType = eprintType;
    const primaryClass = rawString(p.primaryclass ?? p.eprintclass);
    if (primaryClass) extra.primaryClass = primaryClass;
    const key = entry.label || undefined;
    try {
      const [item] = plugins.input.data([entry], '@biblatex/entries+list') as CslItem[];
      if (!item) return { key, extra, error: 'citation-js could not read this entry' };
      return { key, item, extra };
    } catch (err) {
      return { key, extra, error: `could not read this entry: ${errorMessage(err)}` };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// RIS

type RisRecord = Record<string, string | string[]>;

/** RIS for CSL items: citation-js's RIS mapping, one line per tag. */
export function toRis(items: readonly CslItem[]): string {
  const records = plugins.output.format('ris', items, { format: 'object' }) as RisRecord[];
  return records
    .map((rec) => {
      const lines = [`TY  - ${String(rec.TY)}`];
      for (const [tag, value] of Object.entries(rec)) {
        if (tag === 'TY') continue;
        for (const v of ([] as string[]).concat(value)) lines.push(`${tag}  - ${String(v).replace(/\s*\n\s*/g, ' ')}`);
      }
      lines.push('ER  - ');
      return lines.join('\n') + '\n';
    })
    .join('\n');
}

/** The tag line shape citation-js reads: two characters, two spaces, a dash. */
const RIS_LINE = /^([A-Z][A-Z0-9]) {2}-(?: |$)/;

/** Refuse RIS that is truncated or starts mid-record, before citation-js reads it. */
function checkRisStructure(text: string): void {
  let open = 0; // line of the open record's TY, 0 when between records
  let records = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const m = RIS_LINE.exec(lines[i]!.trim());
    if (!m) continue;
    const tag = m[1]!;
    if (tag === 'TY') {
      if (open) throw new FormatError(`RIS: record ${records} (line ${open}) has no 'ER  - ' line before the next record starts at line ${i + 1}`);
      open = i + 1;
      records++;
    } else if (!open) {
      throw new FormatError(`RIS: line ${i + 1} ('${tag}  - …') is outside a record: every record starts with 'TY  - '`);
    } else if (tag === 'ER') {
      open = 0;
    }
  }
  if (open) throw new FormatError(`RIS: the file ends inside record ${records} (started at line ${open}, no 'ER  - ' line): is it truncated?`);
  if (records === 0) throw new FormatError("RIS: no records found (no 'TY  - ' line)");
}

/** Read RIS text; a structural problem refuses the file, an unmappable record is returned with its error. */
export function readRis(text: string): ReadEntry[] {
  checkRisStructure(text);
  let records: RisRecord[];
  try {
    records = plugins.input.data(text, '@ris/file') as RisRecord[];
  } catch (err) {
    throw new FormatError(`RIS: could not read the file: ${errorMessage(err)}`);
  }
  return records.map((rec) => {
    const id = rec.ID;
    const key = typeof id === 'string' ? id : undefined;
    try {
      const item = plugins.input.data(rec, '@ris/record') as CslItem;
      return { key, item: { ...item, id: key ?? '' }, extra: {} };
    } catch (err) {
      return { key, extra: {}, error: `could not read this record: ${errorMessage(err)}` };
    }
  });
}

// ---------------------------------------------------------------------------------------------
// CSL-JSON

/** CSL-JSON text for CSL items (citation-js's `data` output: indented JSON). */
export function toCslJson(items: readonly CslItem[]): string {
  return `${plugins.output.format('data', items, { format: 'text' }) as string}\n`;
}

/** One CSL-JSON item through citation-js's CSL reader (upgrades old CSL variants). */
export function readCslItem(item: object): CslItem {
  const [out] = plugins.input.chain(item, { forceType: '@csl/object', generateGraph: false }) as CslItem[];
  if (!out) throw new Error('citation-js could not read this item');
  return out;
}
