/**
 * Synthetic OpenReview venue group pages (openreview.net/group?id=ICLR.cc/2026/Conference) for the
 * page-load benchmark, generated from the project's fixture (test/fixtures/openreview/group.html,
 * today's React markup): the fixture's page shell and tab panes, the open pane's list holding `n`
 * `div.note` cards written as the fixture writes them (title row with forum, PDF and at times arXiv
 * links; an author line of profile links, plain names, a cut "et al." list, or a hidden signature
 * or "Anonymous"; the date and venue line; details collapsed, or opened with keywords, TL;DR and
 * abstract), the other panes empty. Seeded, so every run measures the same bytes. Like the real
 * site, every card of the open pane is laid out (no content-visibility), with a stylesheet close to
 * openreview.net's own (Bootstrap 3's tabs and lists, the site's colours).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { capitalise, FIRST_NAMES, LAST_NAMES, phrase, pick, rng } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'openreview', 'group.html'), 'utf8');

/** A venue group page the OpenReview content script claims. */
export const OPENREVIEW_URL = 'https://openreview.net/group?id=ICLR.cc/2026/Conference';

/** The fixture's lists (one per tab pane) and the empty one it shows for a tab without papers. */
const LIST = /(<ul class="list-unstyled list-paginated">\n)[\s\S]*?(\n<\/ul>)/g;
const EMPTY = /<li><p class="empty-message">No papers to display<\/p><\/li>/.exec(FIXTURE)?.[0];
const FIXTURE_URL = /(<meta name="papershelf-fixture-url" content=")[^"]*(")/;
if (!EMPTY || (FIXTURE.match(LIST)?.length ?? 0) < 2 || !FIXTURE_URL.test(FIXTURE) || !FIXTURE.includes('class="tab-pane fade active in"')) {
  throw new Error('bench: the OpenReview fixture changed (tab panes / lists)');
}

/** The site's icons, from memory (an image from the network would get the bench's 404). */
const icon = (fill: string) => `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14"><rect width="14" height="14" rx="2" fill="${fill}"/></svg>`)}`;
const PDF_ICON = icon('#4d8093');
const HTML_ICON = icon('#8c1b13');

/** Close to openreview.net's look: Bootstrap 3 tabs and lists, the site's cream page and red links. */
const LOOK = `
body { margin: 0; font-family: "Noto Sans", "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.42857; color: #333; background: #fffaf4; }
a { color: #4d8093; text-decoration: none; } a:hover { color: #8c1b13; text-decoration: underline; }
#content { max-width: 1170px; margin: 0 auto; padding: 20px 15px 40px; }
.venue-header h1 { font-size: 30px; font-weight: 400; margin: 10px 0 5px; } .venue-header h3 { font-size: 16px; font-weight: 400; color: #777; margin: 0 0 20px; }
.nav-tabs { display: flex; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; border-bottom: 1px solid #ddd; }
.nav-tabs > li > a { display: block; padding: 8px 14px; margin-right: 2px; border: 1px solid transparent; border-radius: 4px 4px 0 0; }
.nav-tabs > li:first-child > a { color: #555; background: #fffaf4; border-color: #ddd #ddd transparent; }
.tab-content > .tab-pane { display: none; } .tab-content > .active { display: block; }
.fade { opacity: 0; transition: opacity 0.15s linear; } .fade.in { opacity: 1; }
.notes-search-form { margin: 15px 0; } .form-control { width: 100%; max-width: 460px; height: 34px; padding: 6px 12px; font-size: 14px; border: 1px solid #ccc; border-radius: 4px; box-sizing: border-box; }
.list-unstyled { list-style: none; padding-left: 0; margin: 0; }
.submissions-list > ul > li { margin: 0; padding: 10px 0; border-bottom: 1px solid #eee; }
.note h4 { font-size: 16px; font-weight: 700; line-height: 1.3; margin: 0 0 4px; } .note h4 a { color: #8c1b13; }
.note h4 img { width: 14px; height: 14px; margin-left: 6px; vertical-align: -1px; }
.note-authors { font-size: 13px; font-style: italic; margin-bottom: 2px; } .note-authors a { color: #333; }
.list-inline { list-style: none; padding-left: 0; margin: 0 0 2px -5px; } .list-inline > li { display: inline-block; padding: 0 5px; }
.note-meta-info { font-size: 12px; color: #777; } .note-meta-info > li + li::before { content: "•"; margin-right: 8px; }
.readers-icon { display: inline-block; width: 10px; height: 10px; border-radius: 50%; background: #bbb; }
.collapse-widget { font-size: 12px; } .collapse { display: none; } .collapse.in { display: block; }
.collapse-indent { margin: 6px 0 0 10px; padding-left: 10px; border-left: 2px solid #ddd; }
.note-content > div { margin-bottom: 4px; } .note-content-field { color: #8c1b13; margin-right: 4px; }
.note-content-value p { margin: 0 0 4px; } .empty-message { color: #777; font-style: italic; }
`;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const ID_CHARS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const day = (r: () => number, year: number, from: number, months: number) => `${String(1 + Math.floor(r() * 28)).padStart(2, '0')} ${MONTHS[from + Math.floor(r() * months)]} ${year}`;

/** Card `i`'s forum id: ten note-id characters, unique per card (its number in base 36 at the end). */
export function openReviewForumId(i: number): string {
  const r = rng(i * 4099 + 5);
  return Array.from({ length: 6 }, () => pick(r, ID_CHARS)).join('') + i.toString(36).padStart(4, '0');
}

/** The author line: profile links (some plain names), cut after 5 at times; or a hidden one. */
function authorLine(r: () => number, i: number, submitted: boolean): string {
  const hidden = submitted ? r() : 1;
  if (hidden < 0.15) return '<span>Anonymous</span> ';
  if (hidden < 0.5) return `<span>ICLR 2026 Conference Submission${i} Authors</span> `;
  const names = Array.from({ length: 1 + Math.floor(r() * 8) }, () => `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`);
  const shown = names.length > 6 && r() < 0.5 ? 5 : names.length;
  const links = names.slice(0, shown).map((name, k) => {
    if (r() < 0.1) return `<span>${esc(name)}</span>`;
    const profile = `~${name.replace(/ /g, '_')}${1 + (k % 3)}`;
    return `<a title="${esc(profile)}" data-toggle="tooltip" data-placement="top" href="/profile?id=${encodeURIComponent(profile)}">${esc(name)}</a>`;
  });
  const more = names.length - shown;
  return `${links.join(', ')} ${more ? `<a href="#" title="Expand list" role="button" class="show-all">et al. (${more} additional authors not shown)</a> ` : ''}`;
}

/** Opened details, as the fixture's poster shows them: keywords, TL;DR (at times), abstract, area, number. */
function details(r: () => number, i: number, collapseId: string): string {
  const field = (label: string, value: string) => `<div><strong class="note-content-field disable-tex-rendering">${label}:</strong> ${value}</div>`;
  const span = (text: string) => `<span class="note-content-value">${esc(text)}</span>`;
  const keywords = Array.from({ length: 2 + Math.floor(r() * 4) }, () => phrase(r, 1 + Math.floor(r() * 2))).join(', ');
  const abstract = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `<p>${esc(capitalise(phrase(r, 25)))}.</p>`).join('\n');
  return (
    `<div class="collapse collapse-indent in" id="${collapseId}"><div class="note-content">` +
    field('Keywords', span(keywords)) +
    (r() < 0.7 ? field('TL;DR', span(`${capitalise(phrase(r, 12))}.`)) : '') +
    field('Abstract', `<div class="note-content-value markdown-rendered">${abstract}</div>`) +
    field('Primary Area', span(phrase(r, 3))) +
    field('Submission Number', span(String(i))) +
    '</div></div>'
  );
}

/** Card `i` (1-based) of the open tab: one `li > div.note`, as the fixture writes them. */
export function openReviewCard(i: number): string {
  const r = rng(i * 7307 + 29);
  const forum = openReviewForumId(i);
  const title = `${capitalise(phrase(r, 2))}: ${capitalise(phrase(r, 5))} ${i}`;
  const decision = r();
  const submitted = decision >= 0.35;
  const venue = decision < 0.05 ? 'ICLR 2026 Oral' : submitted ? 'Submitted to ICLR 2026' : 'ICLR 2026 Poster';
  const pdf = r() < 0.6 ? `/pdf?id=${forum}` : `/attachment?id=${forum}&amp;name=pdf`;
  const arxiv = r() < 0.2 ? `https://arxiv.org/abs/25${String(1 + Math.floor(r() * 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}` : null;
  const date = submitted ? `${day(r, 2025, 8, 2)} (modified: ${day(r, 2026, 0, 2)})` : `Published: ${day(r, 2026, 0, 1)}, Last Modified: ${day(r, 2026, 1, 3)}`;
  const collapseId = `c${forum}`;
  const open = r() < 0.15;
  return (
    `<li><div class="note  "><h4><a href="/forum?id=${forum}&amp;referrer=%5Bthe%20venue%5D">${esc(title)}</a>` +
    `<a class="pdf-link" title="Download PDF" target="_blank" href="${pdf}"><img src="${PDF_ICON}" alt="pdf icon"></a>` +
    (arxiv ? `<a href="${arxiv}" class="html-link" title="Open Website" rel="noopener noreferrer" target="_blank"><img src="${HTML_ICON}" alt="hmtl icon"></a>` : '') +
    `</h4><div class="note-authors"><span>${authorLine(r, i, submitted)}</span></div>` +
    `<ul class="note-meta-info list-inline"><li>${date}</li><li>${venue}</li><li class="readers">Readers: <span class="readers-icon glyphicon glyphicon-globe"></span> Everyone</li></ul>` +
    `<div class="collapse-widget "><a data-toggle="collapse" href="#${collapseId}" aria-expanded="${open}" aria-controls="collapseExample">${open ? 'Hide' : 'Show'} details</a>` +
    (open ? details(r, i, collapseId) : '') +
    '</div></div></li>'
  );
}

/** An OpenReview venue group page with `n` cards in its open tab; `extra` goes at the end of the body (the benchmark's load hold). */
export function openReviewPage(n: number, extra = ''): string {
  const cards = Array.from({ length: n }, (_, k) => openReviewCard(k + 1)).join('\n');
  let pane = 0;
  return FIXTURE.replace(FIXTURE_URL, `$1${OPENREVIEW_URL}$2`)
    .replace('<title>ICLR 2025 Conference | OpenReview</title>', `<title>ICLR 2026 Conference | OpenReview</title>\n<style>${LOOK}</style>`)
    .replace('<h1>ICLR 2025 Conference</h1>', '<h1>ICLR 2026 Conference</h1>')
    .replace('The Thirteenth International', 'The Fourteenth International')
    .replace(LIST, (_, open: string, close: string) => `${open}${pane++ === 0 ? cards : EMPTY}${close}`)
    .replace('</body>', `${extra}</body>`);
}
