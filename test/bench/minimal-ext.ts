/**
 * The page-load benchmark's baseline: a minimal extension, built here into a temporary folder. Its
 * one content script runs at the same point as PaperShelf's (run_at document_idle) on the same
 * pages, and does the naive job in one pass: find the cards, read the same fields PaperShelf can
 * read from them (Hugging Face: id, title, and from the page's island JSON the authors, abstract
 * and date, plus upvotes, comments, organization and thumbnail from the card; CVF: title, page,
 * authors, pdf / supp / arXiv links, venue and year from the BibTeX; OpenReview: forum id, title,
 * arXiv id from the title row, authors (none when "Anonymous" or a hidden signature) and the count
 * of a cut list, date, venue (the group's name without a venue line), PDF link, and the opened
 * details' abstract, keywords and TL;DR), and append one element per
 * card where PaperShelf puts its toolbar. Every selector is combinator-free (one compound
 * selector per query, scoped by the previous element): Chromium's querySelector with a
 * descendant combinator costs more the deeper the card sits in the page (issue 22), which would
 * make the baseline slow for a reason of its own and flatter what it is compared with.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The minimal extension's content script (plain JS, as shipped). */
export const MINIMAL_CONTENT_SCRIPT = String.raw`(() => {
  performance.mark('bench-min:start');
  const out = [];
  const mark = (el, after) => {
    const m = document.createElement('bench-mark');
    m.textContent = 'Save';
    if (after) el.after(m);
    else el.append(m);
  };
  const text = (el) => (el ? el.textContent.trim() : undefined);
  if (location.hostname === 'huggingface.co') {
    const island = document.querySelector('[data-target="DailyPapers"][data-props]');
    const byId = new Map();
    try {
      const json = JSON.parse((island && island.getAttribute('data-props')) || '{}');
      for (const e of json.dailyPapers || []) byId.set(e.paper.id, e.paper);
    } catch {}
    for (const card of document.querySelectorAll('article')) {
      const h3 = card.querySelector('h3');
      const a = h3 && h3.querySelector('a[href^="/papers/"]');
      if (!a) continue;
      const id = a.getAttribute('href').slice('/papers/'.length);
      const paper = byId.get(id);
      const box = card.querySelector('[role="checkbox"]');
      const org = card.querySelector('a.rounded-full');
      const peer = card.querySelector('a.peer');
      const img = peer && peer.querySelector('img[src]');
      out.push({
        id,
        title: text(a),
        authors: paper && paper.authors ? paper.authors.map((x) => x.name) : [],
        abstract: paper && paper.summary,
        publishedAt: paper && paper.publishedAt,
        upvotes: Number(text(box && box.querySelector('.leading-none'))),
        comments: Number(text(card.querySelector('a[href$="#community"]'))),
        organization: text(org && org.querySelector('span.truncate')),
        thumbnail: img ? img.getAttribute('src') : undefined,
      });
      mark(card.querySelector('div.w-full.min-w-0') || card, false);
    }
  } else if (location.hostname === 'openreview.net') {
    // The group's name is the venue of a card without a venue line (ICLR.cc/2026/Conference -> ICLR 2026 Conference).
    const group = new URL(location.href).searchParams.get('id') || '';
    const groupVenue = group.split('/').map((p) => p.replace(/^\./, '').replace(/\..+$/, '').replace(/_/g, ' ').trim()).filter(Boolean).join(' ');
    const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    for (const list of document.querySelectorAll('.submissions-list')) {
      for (const card of list.querySelectorAll('div.note')) {
        const h4 = card.querySelector('h4');
        const a = h4 && h4.querySelector('a[href*="forum?id="]');
        if (!a) continue;
        const forumUrl = new URL(a.getAttribute('href'), location.href);
        const forum = forumUrl.searchParams.get('id');
        const noteId = forumUrl.searchParams.get('noteId');
        // A reply (review, comment) links its forum with its own noteId: not a paper.
        if (!forum || (noteId && noteId !== forum)) continue;
        let arxiv;
        for (const l of h4.querySelectorAll('a[href]')) {
          const m = /arxiv\.org\/(?:abs|pdf)\/(\d{4}\.\d{4,5})/.exec(l.getAttribute('href'));
          if (m) {
            arxiv = m[1];
            break;
          }
        }
        const line = card.querySelector('.note-authors');
        const more = line && line.querySelector('a.show-all');
        const named = line ? line.textContent.replace(more ? more.textContent : '', '') : '';
        let authors = named.split(',').map((x) => x.trim()).filter(Boolean);
        // "Anonymous", or the signature group that hides the names: the paper's authors are unknown.
        if (authors.length === 1 && /^anonymous$|submission\d+ authors$/i.test(authors[0])) authors = [];
        const hiddenCount = more ? Number((/\((\d+) additional/.exec(more.textContent) || [])[1]) : 0;
        const meta = card.querySelector('ul.note-meta-info');
        const items = meta ? meta.children : [];
        const date = /(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})/.exec(items[0] ? items[0].textContent : '');
        const month = date ? MONTHS.indexOf(date[2].toLowerCase()) + 1 : 0;
        const fields = {};
        for (const label of card.querySelectorAll('strong.note-content-field')) {
          const name = label.textContent.trim().replace(/:$/, '').toLowerCase();
          if (!(name in fields)) fields[name] = text(label.nextElementSibling);
        }
        const pdf = card.querySelector('a.pdf-link[href]');
        out.push({
          id: arxiv ? 'arxiv:' + arxiv : 'openreview:' + forum,
          forum,
          title: text(a),
          authors,
          authorCount: hiddenCount ? authors.length + hiddenCount : undefined,
          publishedAt: month ? date[3] + '-' + String(month).padStart(2, '0') + '-' + date[1].padStart(2, '0') : undefined,
          venue: text(items[1]) || groupVenue,
          pdf: pdf ? new URL(pdf.getAttribute('href'), location.href).href : undefined,
          abstract: fields.abstract,
          keywords: fields.keywords ? fields.keywords.split(',').map((x) => x.trim()).filter(Boolean) : undefined,
          tldr: fields['tl;dr'],
        });
        // Under the date and venue line, where PaperShelf's toolbar goes.
        if (meta || line || h4) mark(meta || line || h4, true);
        else mark(card, false);
      }
    }
  } else {
    for (const dt of document.querySelectorAll('dt.ptitle')) {
      const a = dt.querySelector('a[href]');
      if (!a) continue;
      const dds = [];
      for (let e = dt.nextElementSibling; e && e.tagName !== 'DT'; e = e.nextElementSibling) if (e.tagName === 'DD') dds.push(e);
      const authorsDd = dds.find((dd) => dd.querySelector('form.authsearch')) || dds[0];
      const linksDd = dds.find((dd) => dd !== authorsDd) || authorsDd;
      const links = {};
      for (const l of linksDd ? linksDd.querySelectorAll('a[href]') : []) {
        const label = text(l).toLowerCase();
        if (label === 'pdf' || label === 'supp' || label === 'arxiv') links[label] = new URL(l.getAttribute('href'), location.href).href;
      }
      const bib = linksDd && linksDd.querySelector('div.bibref');
      const bibText = bib ? bib.textContent : '';
      out.push({
        title: text(a),
        page: new URL(a.getAttribute('href'), location.href).href,
        // (the authors dd's links: reaching them through each form, in a loop that also appends
        // to the page, cost Chromium 156 more the bigger the page: 58 -> 337 ms for 1,000 -> 3,000 cards)
        authors: authorsDd ? [...authorsDd.querySelectorAll('a')].map(text) : [],
        links,
        venue: (/booktitle\s*=\s*\{([^}]*)\}/i.exec(bibText) || [])[1],
        year: Number((/\byear\s*=\s*\{?\s*(\d{4})/i.exec(bibText) || [])[1]) || undefined,
      });
      if (authorsDd) mark(authorsDd, false);
      else mark(dt, true);
    }
  }
  // Lay out what was added (as the page must before it shows it), then say done.
  void document.body.offsetHeight;
  document.documentElement.setAttribute('data-bench-min', String(out.length));
})();
`;

/** Write the minimal extension (manifest + content script) to a new temporary folder; returns it. */
export function buildMinimalExtension(matches: readonly string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'papershelf-bench-minimal-'));
  const manifest = {
    manifest_version: 3,
    name: 'PaperShelf bench: minimal content script',
    version: '1.0',
    content_scripts: [{ matches: [...matches], js: ['content.js'], run_at: 'document_idle' }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(path.join(dir, 'content.js'), MINIMAL_CONTENT_SCRIPT);
  return dir;
}
