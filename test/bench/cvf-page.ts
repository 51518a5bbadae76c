/**
 * Synthetic CVF open access listings (openaccess.thecvf.com/CVPR2023?day=all) for the page-load
 * benchmark, generated from the project's fixture (test/fixtures/cvf/cvpr2023-day.html): the same
 * dt.ptitle + dd (author forms) + dd ([pdf] [supp] [arXiv], BibTeX) markup, repeated with new
 * titles, authors and links, seeded so every run measures the same bytes. Like the real site, the
 * page renders every card, on screen or not (no content-visibility), with a plain stylesheet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { capitalise, FIRST_NAMES, LAST_NAMES, phrase, pick, rng } from './pages';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = readFileSync(path.join(ROOT, 'test', 'fixtures', 'cvf', 'cvpr2023-day.html'), 'utf8');

/** A conference day listing the CVF content script claims. */
export const CVF_URL = 'https://openaccess.thecvf.com/CVPR2023';
export const CVF_QUERY = 'day=all';

/** The page up to the first card, and from the last card's end: the fixture's own. */
const head = /^[\s\S]*?<dd><a href="\/CVPR2023">Back<\/a><\/dd>\n/.exec(FIXTURE)?.[0];
const tail = /<\/dl>\s*<\/div>\s*<\/body>\s*<\/html>\s*$/.exec(FIXTURE)?.[0];
if (!head || !tail) throw new Error('bench: the CVF fixture changed (listing head / tail)');

/** Close to openaccess.thecvf.com's own conf.css: plain text, every card laid out. */
const LOOK = `
body { font-family: Arial, Helvetica, sans-serif; font-size: 14px; margin: 0; color: #000; background: #fff; }
#header { background: #f2f2f2; padding: 10px 20px; } #header_title { font-size: 24px; }
#content { padding: 10px 20px; max-width: 1100px; }
dt.ptitle { margin-top: 12px; font-weight: bold; font-size: 16px; } dt.ptitle a { color: #0645ad; text-decoration: none; }
dd { margin-left: 20px; } form.authsearch { display: inline; } form.authsearch a { color: #333; text-decoration: none; }
.bibref { display: none; white-space: pre; font-family: monospace; } .link2 { display: inline; }
`;

const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Card `i` (1-based) of a listing: a dt and its two dd's, as the site writes them. */
export function cvfCard(i: number): string {
  const r = rng(i * 6151 + 17);
  const title = `${capitalise(phrase(r, 2))}: ${capitalise(phrase(r, 5))} ${i}`;
  const authors = Array.from({ length: 1 + Math.floor(r() * 6) }, () => `${pick(r, FIRST_NAMES)} ${pick(r, LAST_NAMES)}`);
  const first = slug(authors[0]!.split(' ').at(-1)!);
  const file = `${first}_${slug(title).slice(0, 60)}_CVPR_2023`;
  const arxiv = r() < 0.6 ? `23${String(1 + Math.floor(r() * 12)).padStart(2, '0')}.${String(i).padStart(5, '0')}` : null;
  const supp = r() < 0.5;
  const forms = authors
    .map((name, k) => {
      const id = `form-${slug(name)}${i}`;
      return (
        `<form id="${id}" action="/CVPR2023_search.py" method="post" class="authsearch">\n` +
        `<input type="hidden" name="query_author" value="${esc(name)}">\n` +
        `<a href="#" onclick="document.getElementById('${id}').submit();"> ${esc(name)}</a>${k < authors.length - 1 ? ',' : ''}\n</form>\n`
      );
    })
    .join('');
  const bibAuthors = authors.map((n) => `${n.split(' ').at(-1)}, ${n.split(' ').slice(0, -1).join(' ')}`).join(' and ');
  const pages = 1000 + Math.floor(r() * 9000);
  return (
    `<dt class="ptitle"><br><a href="/content/CVPR2023/html/${file}_paper.html">${esc(title)}</a></dt>\n<dd>\n${forms}</dd>\n<dd>\n` +
    `[<a href="/content/CVPR2023/papers/${file}_paper.pdf">pdf</a>]\n` +
    (supp ? `[<a href="/content/CVPR2023/supplemental/${file}_supplemental.pdf">supp</a>]\n` : '') +
    (arxiv ? `[<a href="http://arxiv.org/abs/${arxiv}">arXiv</a>]\n` : '') +
    `<div class="link2">[<a class="fakelink" onclick="$(this).siblings('.bibref').slideToggle()">bibtex</a>]\n` +
    `<div class="bibref pre-white-space">@InProceedings{${first}_2023_CVPR,\n    author    = {${esc(bibAuthors)}},\n    title     = {${esc(title)}},\n` +
    `    booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition (CVPR)},\n    month     = {June},\n    year      = {2023},\n` +
    `    pages     = {${pages}-${pages + 9}}\n}</div>\n</div>\n</dd>\n`
  );
}

/** A CVF conference day listing with `n` cards; `extra` goes at the end of the body (the benchmark's load hold). */
export function cvfPage(n: number, extra = ''): string {
  const cards = Array.from({ length: n }, (_, k) => cvfCard(k + 1)).join('');
  const withLook = head!.replace('<link rel="stylesheet" type="text/css" href="static/conf.css">', `<style>${LOOK}</style>`);
  return withLook + cards + tail!.replace('</body>', `${extra}</body>`);
}
