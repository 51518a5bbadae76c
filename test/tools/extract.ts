/**
 * `npm run extract -- <page.html> --url <page-url> [--write-expected]`: run the site adapters on
 * a saved page.
 *
 * Prints the PaperDrafts found, in page order, as a JSON array on stdout, and a one-line summary
 * (`N papers, M skipped (adapter, kind)`) on stderr. Errors (unreadable file, missing or invalid
 * --url, a URL no adapter claims) print one line on stderr and exit with code 1.
 * The page is parsed with happy-dom's DOMParser: its scripts never run.
 *
 * --write-expected writes `<page>.expected.json` beside the page ({ kind, skipped, papers }, the
 * golden-fixture format test/adapters.test.ts reads), for a person to read and correct, as
 * Readability's test-case generator does. Without --url, a fixture's
 * `<meta name="papershelf-fixture-url">` gives the address.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { extractAll } from '../../lib/sites/index';
import { fixtureUrl } from '../fixture-url';

const USAGE = 'usage: npm run extract -- <page.html> --url <page-url> [--write-expected]';

class CliError extends Error {}

function parseArgs(argv: string[]): { file: string; url: string | undefined; write: boolean } {
  let file: string | undefined;
  let url: string | undefined;
  let write = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--write-expected') write = true;
    else if (arg === '--url') url = argv[++i];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg.startsWith('-')) throw new CliError(`extract: unknown option ${arg} (${USAGE})`);
    else if (file === undefined) file = arg;
    else throw new CliError(`extract: more than one page given (${USAGE})`);
  }
  if (!file) throw new CliError(`extract: no page given (${USAGE})`);
  return { file, url, write };
}

async function main(argv: string[]): Promise<void> {
  const { file, url: urlArg, write } = parseArgs(argv);
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  const fullPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  let html: string;
  try {
    html = readFileSync(fullPath, 'utf8');
  } catch (e) {
    throw new CliError(`extract: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const url = urlArg ?? fixtureUrl(html);
  if (!url) throw new CliError(`extract: missing --url <page-url>, the address the page was saved from (${USAGE})`);
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    throw new CliError(`extract: invalid URL: ${url}`);
  }

  const window = new Window({ url: page.href });
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html');
    const result = extractAll(doc as unknown as ParentNode, page);
    if (!result) throw new CliError(`extract: no adapter handles ${page.href}`);
    process.stdout.write(`${JSON.stringify(result.papers, null, 2)}\n`);
    if (write) {
      const out = fullPath.replace(/\.html?$/, '') + '.expected.json';
      writeFileSync(out, `${JSON.stringify({ kind: result.kind, skipped: result.skipped, papers: result.papers }, null, 2)}\n`);
      process.stderr.write(`wrote ${path.relative(process.cwd(), out)}: read it and correct what the adapter got wrong\n`);
    }
    process.stderr.write(`${result.papers.length} ${result.papers.length === 1 ? 'paper' : 'papers'}, ${result.skipped} skipped (${result.adapter}, ${result.kind})\n`);
  } finally {
    await window.happyDOM.close();
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof CliError ? e.message : `extract: ${String(e)}`}\n`);
  process.exitCode = 1;
});
