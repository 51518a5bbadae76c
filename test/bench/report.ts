/**
 * Results: one entry per figure, `{ name, value, unit, baseline, ratio, target, met }` (targets
 * carry `target` and `met`; raw figures have them null), written to .bench/results.json, a
 * Markdown table (.bench/results.md, ready for the README) and printed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Entry {
  name: string;
  /** null when the figure could not be measured (see note) */
  value: number | null;
  unit: string;
  /** the same thing done the plainest way, measured in the same run (null when none) */
  baseline: number | null;
  /** value / baseline */
  ratio: number | null;
  /** the published target, e.g. "<= 1.5x baseline" (null for raw figures) */
  target: string | null;
  /** whether the target is met (null for raw figures, or when not measured) */
  met: boolean | null;
  /** why a figure is missing, or how it was taken */
  note?: string;
  /** how the table shows the value, when a number alone would mislead (e.g. "< 50 ms") */
  display?: string;
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  mode: 'full' | 'quick';
  /** 1-minute load average when the run started and when it ended (other work on the machine skews timings) */
  loadStart: number;
  loadEnd: number;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** A raw figure (no target). */
export function raw(name: string, value: number | null, unit: string, baseline: number | null = null, note?: string): Entry {
  const ratio = value !== null && baseline ? round(value / baseline, 2) : null;
  return { name, value: value === null ? null : round(value, 2), unit, baseline: baseline === null ? null : round(baseline, 2), ratio, target: null, met: null, ...(note ? { note } : {}) };
}

/**
 * A figure with a target; `met` is decided by the caller's check (null when not measured), on the
 * exact figures: the entry's are rounded for the report, and 1.2015x must not pass as 1.20x.
 */
export function targeted(name: string, value: number | null, unit: string, baseline: number | null, target: string, check: (e: Entry) => boolean, note?: string): Entry {
  const e = raw(name, value, unit, baseline, note);
  e.target = target;
  e.met = value === null ? null : check({ ...e, value, baseline, ratio: baseline ? value / baseline : null });
  return e;
}

export function machine(chromium: string, mode: 'full' | 'quick', loadStart: number): Machine {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    chromium,
    mode,
    loadStart: round(loadStart, 2),
    loadEnd: round(os.loadavg()[0] ?? 0, 2),
  };
}

function fmt(v: number | null, unit: string): string {
  if (v === null) return '—';
  const n = Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
  return unit === 'x' ? `${n}x` : `${n} ${unit}`;
}

function metCell(e: Entry): string {
  if (e.target === null) return '';
  if (e.met === null) return 'not measured';
  return e.met ? 'yes' : '**MISSED**';
}

/** The Markdown table: targets first, then the raw figures. */
export function markdownTable(entries: readonly Entry[]): string {
  const rows = (list: readonly Entry[], withTarget: boolean) =>
    list.map((e) => {
      const cells = [e.name + (e.note ? ` (${e.note})` : ''), e.display ?? fmt(e.value, e.unit), fmt(e.baseline, e.unit), e.ratio === null ? '' : `${e.ratio.toFixed(2)}x`];
      if (withTarget) cells.push(e.target ?? '', metCell(e));
      return `| ${cells.join(' | ')} |`;
    });
  const targets = entries.filter((e) => e.target !== null);
  const raws = entries.filter((e) => e.target === null);
  return [
    '| target | ours | baseline | ratio | target | met |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows(targets, true),
    '',
    '| measurement | ours | baseline | ratio |',
    '| --- | ---: | ---: | ---: |',
    ...rows(raws, false),
  ].join('\n');
}

export function machineLine(m: Machine): string {
  return (
    `${m.date.slice(0, 10)}, ${m.mode} run: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, ` +
    `Chromium ${m.chromium} (headless=new, --disable-gpu); load average ${m.loadStart} at the start, ${m.loadEnd} at the end`
  );
}

/**
 * Write `<stem>.json` (the entries), `<stem>.md` (machine + table) and `<stem>-machine.json` into
 * `dir`; return the table. A full run's stem is `results`; partial runs write elsewhere, so they
 * never replace the full run's figures.
 */
export function writeResults(dir: string, entries: readonly Entry[], m: Machine, stem = 'results'): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${stem}.json`), `${JSON.stringify(entries, null, 2)}\n`);
  writeFileSync(path.join(dir, stem === 'results' ? 'machine.json' : `${stem}-machine.json`), `${JSON.stringify(m, null, 2)}\n`);
  const table = markdownTable(entries);
  const reproduce = [
    'Reproduce: `npm ci && npx wxt build && npm run bench` (Debian Chromium at /usr/bin/chromium or `CHROMIUM_PATH`; no network needed).',
    '`npm run bench -- --quick` runs small sizes only (a smoke check, part of `npm test`). Raw figures: `.bench/results.json`.',
    'Each timing is the median of the runs named (fewer runs where one run takes tens of seconds); every baseline ran in the same browser in the same run.',
  ].join('\n');
  writeFileSync(path.join(dir, `${stem}.md`), `Measured ${machineLine(m)}.\n\n${table}\n\n${reproduce}\n`);
  return table;
}

// ---- statistics ----

export function median(xs: readonly number[]): number | null {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p in 0..100); null for no data. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}
