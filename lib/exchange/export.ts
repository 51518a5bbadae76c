/**
 * Exports: BibTeX, CSL-JSON and RIS (through citation-js, loaded only when one is asked for),
 * Markdown (a readable list: title, link, tags, note) and the complete JSON backup.
 * Files are handed to the browser as a Blob + `<a download>`: no `downloads` permission needed.
 */
import { localDate } from '../dates';
import type { SavedPaper } from '../paper';
import { makeBackup, serialiseBackup, type BackupExtra } from './backup';
import { referenceUrl, TEX_MATH, toCsl, type ExtraIds } from './csl';

export { localDate };

export type ExportFormat = 'bibtex' | 'csl-json' | 'ris' | 'markdown' | 'backup';

export interface ExportFormatInfo {
  format: ExportFormat;
  /** what the button says after "Export " */
  label: string;
  /** one line under the button */
  description: string;
  extension: string;
  mime: string;
}

/** In the order the options page shows them. */
export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { format: 'bibtex', label: 'BibTeX', description: 'For LaTeX, JabRef, Zotero', extension: 'bib', mime: 'application/x-bibtex;charset=utf-8' },
  { format: 'csl-json', label: 'CSL-JSON', description: 'For Zotero, Pandoc, citation tools', extension: 'csl.json', mime: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
  { format: 'ris', label: 'RIS', description: 'For EndNote, Mendeley, Zotero', extension: 'ris', mime: 'application/x-research-info-systems;charset=utf-8' },
  { format: 'markdown', label: 'Markdown', description: 'A readable list: titles, links, tags, notes', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  { format: 'backup', label: 'JSON backup', description: 'Everything, to restore PaperShelf later', extension: 'json', mime: 'application/json;charset=utf-8' },
];

export function formatInfo(format: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((f) => f.format === format)!;
}

export interface ExportFile {
  filename: string;
  mime: string;
  text: string;
}

/** papershelf-2026-11-27.bib, papershelf-2026-11-27.csl.json, papershelf-backup-2026-11-27.json … */
export function exportFileName(format: ExportFormat, now: Date): string {
  const base = format === 'backup' ? 'papershelf-backup' : 'papershelf';
  return `${base}-${localDate(now)}.${formatInfo(format).extension}`;
}

/** Characters Markdown would read as markup in a title, tag or link text. */
function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** Markdown text; TeX math ($\alpha$) is left as written, for renderers that show math. */
function mdText(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(TEX_MATH)) {
    // Math that holds link or HTML brackets would break the link text: escaped like the rest.
    out += mdEscape(s.slice(last, m.index)) + (/[[\]<>`]/.test(m[0]) ? mdEscape(m[0]) : m[0]);
    last = m.index + m[0].length;
  }
  return out + mdEscape(s.slice(last));
}

/** A link target Markdown will not cut short at a space or a parenthesis. */
function mdUrl(u: string): string {
  return u.replace(/[ ()]/g, (c) => ({ ' ': '%20', '(': '%28', ')': '%29' })[c]!);
}

/** Markdown: one heading per paper (linked title), then its tags and note. */
export function toMarkdown(papers: readonly SavedPaper[], now: Date): string {
  const count = `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}`;
  const out = ['# PaperShelf reading list', '', `Exported ${localDate(now)} · ${count}`];
  for (const p of papers) {
    const url = referenceUrl(p);
    out.push('', url ? `## [${mdText(p.title)}](${mdUrl(url)})` : `## ${mdText(p.title)}`);
    if (p.tags.length) out.push('', `Tags: ${p.tags.map(mdText).join(', ')}`);
    if (p.note.trim()) out.push('', ...p.note.trim().split(/\r?\n/).map((line) => (line.trim() ? `> ${line}` : '>')));
  }
  return `${out.join('\n')}\n`;
}

/** What BibTeX carries outside CSL: arXiv eprint and primary class. */
function extraIds(p: SavedPaper): ExtraIds {
  const extra: ExtraIds = {};
  if (p.arxivId) extra.eprint = p.arxivId;
  const primary = p.subjects?.[0];
  if (p.arxivId && primary) extra.primaryClass = primary;
  return extra;
}

/**
 * The text of an export, without saving it. `papers` are exported in the order given; `extra`
 * (tombstones, seen history) goes into a backup only.
 */
export async function exportText(format: ExportFormat, papers: readonly SavedPaper[], now: Date, extra: BackupExtra = {}): Promise<string> {
  switch (format) {
    case 'markdown':
      return toMarkdown(papers, now);
    case 'backup':
      return serialiseBackup(makeBackup(papers, now, extra));
    default: {
      // citation-js is large: loaded only here, and only on the options page.
      const cite = await import('./citation');
      const items = papers.map(toCsl);
      if (format === 'bibtex') return cite.toBibtex(items, papers.map(extraIds));
      if (format === 'ris') return cite.toRis(items);
      return cite.toCslJson(items);
    }
  }
}

/** The file of an export: name, type and text. */
export async function buildExport(format: ExportFormat, papers: readonly SavedPaper[], now: Date, extra: BackupExtra = {}): Promise<ExportFile> {
  return { filename: exportFileName(format, now), mime: formatInfo(format).mime, text: await exportText(format, papers, now, extra) };
}

/** Save a file the way a download link does (no `downloads` permission). */
export function downloadFile(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // The browser reads the blob when the download starts; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
