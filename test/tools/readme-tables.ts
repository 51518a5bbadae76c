/**
 * The README's tables that the site registry decides: supported pages and permissions. `npm run
 * readme` rewrites them between their markers; test/readme.test.ts fails when they are stale, so a
 * new site (or a changed meta.ts) shows up in the README with no hand edit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITES } from '../../lib/sites/registry';

export const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'README.md');

/** Permissions that are not a site's host, in the manifest's order. */
const OTHER_PERMISSIONS: ReadonlyArray<readonly [string, string]> = [
  ['`storage`', 'keep your reading list in the extension\'s local storage (IndexedDB)'],
  ['`activeTab`', 'when you click the toolbar button on a page, read that one page, that once, to offer "Save this page" (its citation_*, Dublin Core, JSON-LD, COinS or Open Graph metadata); nothing runs on a page until you open the popup there'],
  ['`scripting`', 'run that reading in the page in front (only after your click), and put the toolbar on the sites you turn on (a content script registered for that one site)'],
  ['`alarms` (Chrome only)', 'sync through the folder you picked every 15 minutes, in the background, so the other devices\' edits arrive while this browser is idle (no other use; Firefox has no folder sync)'],
  ['`sidePanel` (Chrome only)', 'show the reading list in Chrome\'s side panel, beside the page (Firefox\'s sidebar needs no permission)'],
  ['`https://*/*`, `http://*/*` (optional)', 'never granted at install: asked for one site at a time, only when you turn that site on ("Show PaperShelf on journals.example.org" in the popup, or Other sites in the options), so the toolbar shows on its paper pages and its open tabs hear of changes; the options list the sites turned on and turn each off (the access is given back)'],
  ['`http://127.0.0.1:23119/*` (optional)', 'asked for the first time you use "Send to Zotero": reach Zotero desktop\'s connector on your own computer (port 23119, where Zotero listens while it is open) to hand it the papers you send; nothing else is sent, and nowhere else'],
];

function sitesTable(): string {
  const rows = SITES.map((s) => `| ${s.label} | ${s.pages} |`);
  return ['| site | pages |', '| --- | --- |', ...rows].join('\n');
}

function permissionsTable(): string {
  const rows = [
    ...OTHER_PERMISSIONS.map(([p, why]) => `| ${p} | ${why} |`),
    ...SITES.map((s) => `| ${s.hosts.map((h) => `\`${h}\``).join(', ')} | ${s.why} |`),
  ];
  return ['| permission | why |', '| --- | --- |', ...rows].join('\n');
}

const BLOCKS = { sites: sitesTable, permissions: permissionsTable } as const;

/** The README with every generated block brought up to date (throws when a marker is missing). */
export function withTables(readme: string): string {
  let out = readme;
  for (const [name, make] of Object.entries(BLOCKS)) {
    const start = `<!-- generated:${name} (npm run readme) -->`;
    const end = `<!-- /generated:${name} -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block`);
    out = `${out.slice(0, i + start.length)}\n${make()}\n${out.slice(j)}`;
  }
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const before = readFileSync(README, 'utf8');
  const after = withTables(before);
  if (after !== before) writeFileSync(README, after);
  process.stdout.write(after === before ? 'README.md tables are up to date\n' : 'README.md tables rewritten\n');
}
