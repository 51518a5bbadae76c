/**
 * Synthetic Hugging Face listing pages for the benchmarks, generated from the project's own
 * fixture (test/fixtures/huggingface/daily.html): the same card markup and the same DailyPapers
 * island JSON, repeated with new ids, titles and counts. Deterministic (seeded), so every run
 * measures the same bytes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'huggingface', 'daily.html'), 'utf8');
const SITE_LOOK = readFileSync(path.join(ROOT, 'test', 'e2e', 'site-look.css'), 'utf8');

/** The listing URL the content script claims (a daily page), and one it does not. */
export const FEED_URL = 'https://huggingface.co/papers/date/2026-03-02';
export const BASELINE_URL = 'https://huggingface.co/bench/baseline';

/** A tiny transparent GIF: images load from memory, not through the (404) network route. */
const BLANK_IMG = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';

// ---- words for titles, abstracts and names (also used by records.ts) ----

export const VOCAB = (
  'attention transformer diffusion sparse adapter lattice continual instruction tuning linear sequence mixing ' +
  'periodic state reset retrieval augmented generation graph neural network reinforcement learning policy ' +
  'gradient reward model alignment preference optimization language vision multimodal benchmark dataset ' +
  'evaluation scaling law pretraining finetuning distillation quantization pruning efficient inference ' +
  'kernel memory cache speculative decoding tokenizer embedding contrastive representation robust ' +
  'adversarial privacy federated causal reasoning chain thought planning agent tool environment simulation ' +
  'robot manipulation navigation video audio speech recognition synthesis image segmentation detection ' +
  'depth estimation point cloud mesh rendering radiance field gaussian splatting protein molecule ' +
  'chemistry physics climate forecasting time series anomaly tabular recommendation search ranking ' +
  'compression codec theory bound convergence stochastic optimizer momentum curvature spectral operator'
).split(' ');

export const FIRST_NAMES = 'Ada Ben Chen Dara Emil Farah Goran Hana Ivo Jun Kira Lars Mei Nadia Omar Petra Quinn Rafael Sana Tobias Uma Viktor Wen Xiu Yara Zoltan'.split(' ');
export const LAST_NAMES = 'Okonkwo Lindqvist Tanabe Quintero El-Amin Cho Holm Park Carvalho Volkov Whitfield Novak Haddad Moreau Singh Kowalski Duarte Ibrahim Larsen Mbeki'.split(' ');

/** mulberry32: a small seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function phrase(r: () => number, n: number): string {
  return Array.from({ length: n }, () => pick(r, VOCAB)).join(' ');
}

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** arXiv id number `i` of a month: 2601.00001, 2601.00002, … */
export function arxivIdOf(i: number, month = '2601'): string {
  return `${month}.${String(i).padStart(5, '0')}`;
}

// ---- the fixture's pieces ----

function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

function encodeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const propsMatch = /data-props="([^"]*)"/.exec(FIXTURE);
if (!propsMatch) throw new Error('bench: no data-props in the daily fixture');
const PROPS = JSON.parse(decodeAttr(propsMatch[1]!)) as { dailyPapers: Array<Record<string, unknown>> } & Record<string, unknown>;
const ENTRY_TEMPLATE = JSON.stringify(PROPS.dailyPapers[0]);
const TEMPLATE_ID = (PROPS.dailyPapers[0]!.paper as { id: string }).id;
const TEMPLATE_TITLE = (PROPS.dailyPapers[0]!.paper as { title: string }).title;

const articleMatch = /<article[\s\S]*?<\/article>/.exec(FIXTURE);
if (!articleMatch) throw new Error('bench: no <article> in the daily fixture');
/** The first card, with its images loading from memory. */
const CARD_TEMPLATE = articleMatch[0].replace(/(<img\b[^>]*?\ssrc=")[^"]*(")/g, `$1${BLANK_IMG}$2`);
if (!CARD_TEMPLATE.includes(TEMPLATE_ID) || !CARD_TEMPLATE.includes(TEMPLATE_TITLE)) throw new Error('bench: the card template does not show its id and title');
/** `<main …><div … data-target="DailyPapers" …>` up to the grid's opening tag. */
const islandOpen = /<div class="SVELTE_HYDRATER[^"]*" data-target="DailyPapers"/.exec(FIXTURE);
const gridOpen = /<div class="relative grid[^"]*">/.exec(FIXTURE);
if (!islandOpen || !gridOpen) throw new Error('bench: fixture layout changed (island / grid)');

export interface CardSpec {
  id: string;
  title: string;
  upvotes: number;
  comments: number;
}

/** Card `i` of a page (deterministic). `month` keeps appended cards apart from the initial ones. */
export function cardSpec(i: number, month = '2601'): CardSpec {
  const r = rng(i * 7919 + Number(month));
  return {
    id: arxivIdOf(i, month),
    title: `${capitalise(phrase(r, 2))}: ${capitalise(phrase(r, 6))} ${i}`,
    upvotes: 1 + Math.floor(r() * 300),
    comments: Math.floor(r() * 20),
  };
}

/** One card's HTML, from the fixture's first card. */
export function cardHtml(c: CardSpec): string {
  return CARD_TEMPLATE.split(TEMPLATE_ID)
    .join(c.id)
    .split(TEMPLATE_TITLE)
    .join(c.title)
    .replace('<div class="leading-none">87</div>', `<div class="leading-none">${c.upvotes}</div>`)
    .replace(/(#community"><svg[\s\S]*?<\/svg><!----> )4(<\/a>)/, `$1${c.comments}$2`);
}

/** One island entry (authors, abstract, dates) for a card. */
function entryJson(c: CardSpec, i: number): unknown {
  const e = JSON.parse(ENTRY_TEMPLATE) as Record<string, unknown> & { paper: Record<string, unknown> };
  const r = rng(i * 104729 + 3);
  const summary = `${capitalise(phrase(r, 60))}.`;
  e.paper.id = c.id;
  e.paper.title = c.title;
  e.paper.summary = summary;
  e.paper.upvotes = c.upvotes;
  e.paper.authors = Array.from({ length: 3 + Math.floor(r() * 6) }, (_, k) => ({
    _id: `bench${i}a${k}`,
    name: `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`,
    hidden: false,
  }));
  e.title = c.title;
  e.summary = summary;
  e.numComments = c.comments;
  e.thumbnail = `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${c.id}.png`;
  return e;
}

/** Undoes huggingface.co's `*:[content-visibility:auto]` on the card grid (site-look.css has it). */
const LAYOUT_ALL = '.grid > * { content-visibility: visible !important; }';

/**
 * A Hugging Face-style listing with `n` cards, laid out with the e2e "site look" stylesheet.
 * The island JSON lists every card (as on huggingface.co), so the adapter's real path runs.
 * Like huggingface.co, the grid renders only the cards near the screen (content-visibility);
 * `layoutAll` turns that off.
 */
export function feedPage(n: number, opts: { layoutAll?: boolean; extra?: string } = {}): string {
  const cards: CardSpec[] = Array.from({ length: n }, (_, k) => cardSpec(k + 1));
  const props = { ...PROPS, dailyPapers: cards.map((c, k) => entryJson(c, k + 1)) };
  return [
    '<!doctype html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Daily Papers - Hugging Face</title>\n',
    `<style>${SITE_LOOK}</style>\n`,
    // The variant of a page that lays out every card, on or off screen (as arXiv's lists do).
    opts.layoutAll ? `<style>${LAYOUT_ALL}</style>\n` : '',
    '</head>\n<body>\n',
    '<main class="flex flex-1 flex-col">',
    `${islandOpen![0]} data-props="${encodeAttr(JSON.stringify(props))}">`,
    gridOpen![0],
    cards.map(cardHtml).join('\n'),
    '</div></div></main>\n',
    // (the page-load benchmark's load hold: an image it answers once it has read the metrics)
    opts.extra ?? '',
    '</body>\n</html>\n',
  ].join('');
}

/** Cards appended later (infinite scroll): batch `b` of `size`, ids in another month. */
export function appendedBatch(b: number, size: number): string[] {
  return Array.from({ length: size }, (_, k) => cardHtml(cardSpec(b * size + k + 1, '2602')));
}
