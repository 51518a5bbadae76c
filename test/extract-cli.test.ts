/** The extract CLI (test/tools/extract.ts), run as a child process the way a developer runs it. */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(projectRoot, 'test', 'fixtures', 'huggingface');
const TIMEOUT = 120_000; // generous: each run starts a process, and CI may run other test files alongside

/** Run the CLI; resolves with its exit code and output (never rejects on a non-zero exit). */
function extract(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.INIT_CWD; // resolve relative paths against cwd, not an outer npm's folder
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'test/tools/extract.ts', ...args], { cwd: projectRoot, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.trim() }));
  });
}

const ARXIV = path.join(projectRoot, 'test', 'fixtures', 'arxiv');
const EMBEDDED = path.join(projectRoot, 'test', 'fixtures', 'embedded');
/** A saved page that does not say where it came from (no papershelf-fixture-url meta). */
const SCRATCH = mkdtempSync(path.join(tmpdir(), 'papershelf-extract-'));
const NO_URL_PAGE = path.join(SCRATCH, 'saved.html');
writeFileSync(NO_URL_PAGE, '<html><head><title>Saved</title></head><body></body></html>');

const expectedPapers = (name: string, dir = FIXTURES): unknown =>
  (JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), 'utf8')) as { papers: unknown }).papers;

// Each run starts tsx and happy-dom (a few seconds): run them side by side.
describe.concurrent('npm run extract', () => {
  it(
    "takes a fixture's URL from its papershelf-fixture-url meta when --url is left out",
    async () => {
      const r = await extract(path.join(ARXIV, 'list-new.html'));
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toStrictEqual(expectedPapers('list-new', ARXIV));
      expect(r.stderr).toBe('4 papers, 0 skipped (arxiv, listing)');
    },
    TIMEOUT,
  );

  it(
    '--write-expected writes <page>.expected.json beside the page: { kind, skipped, papers }',
    async () => {
      const page = path.join(SCRATCH, 'list-new.html');
      copyFileSync(path.join(ARXIV, 'list-new.html'), page);
      const r = await extract(page, '--write-expected');
      expect(r.code).toBe(0);
      const written = JSON.parse(readFileSync(path.join(SCRATCH, 'list-new.expected.json'), 'utf8')) as unknown;
      expect(written).toStrictEqual(JSON.parse(readFileSync(path.join(ARXIV, 'list-new.expected.json'), 'utf8')));
      expect(r.stderr.split('\n')).toEqual(['wrote ' + path.relative(projectRoot, path.join(SCRATCH, 'list-new.expected.json')) + ': read it and correct what the adapter got wrong', '4 papers, 0 skipped (arxiv, listing)']);
    },
    TIMEOUT,
  );

  it(
    'prints the drafts of a fixture as a JSON array and a summary line',
    async () => {
      const r = await extract(path.join(FIXTURES, 'daily.html'), '--url', 'https://huggingface.co/papers/date/2026-03-02');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toStrictEqual(expectedPapers('daily'));
      expect(r.stdout).toMatch(/^\[\n {2}\{\n {4}"id": "arxiv:2602\.21847",/); // pretty, 2-space
      expect(r.stderr).toBe('4 papers, 0 skipped (huggingface, daily)');
    },
    TIMEOUT,
  );

  it(
    'counts skipped cards; accepts --url=… and a path relative to the working folder',
    async () => {
      const r = await extract('test/fixtures/huggingface/skipped.html', '--url=https://huggingface.co/papers/date/2026-03-03');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toStrictEqual(expectedPapers('skipped'));
      expect(r.stderr).toBe('2 papers, 2 skipped (huggingface, daily)');
    },
    TIMEOUT,
  );

  it(
    'works on arXiv pages too, counting the listing cards it cannot pair',
    async () => {
      const r = await extract(path.join(ARXIV, 'list-mismatch.html'), '--url', 'https://arxiv.org/list/cs.CL/recent');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toStrictEqual(expectedPapers('list-mismatch', ARXIV));
      expect(r.stderr).toBe('3 papers, 2 skipped (arxiv, listing)');
    },
    TIMEOUT,
  );

  it.each([
    ['an arXiv abs page', path.join(ARXIV, 'abs.html'), 'https://arxiv.org/abs/2301.01234v2', 'arxiv', 'abs', ARXIV],
    ['a Hugging Face paper page', path.join(FIXTURES, 'paper-page.html'), 'https://huggingface.co/papers/2603.01234', 'huggingface', 'paper-page', FIXTURES],
    ['any other site (its embedded metadata)', path.join(EMBEDDED, 'citation-journal.html'), 'https://www.annals-of-tidal-ecology.example/content/12/3/e0417?utm_source=feed', 'embedded', 'citation-journal', EMBEDDED],
  ])(
    'prints the one paper of a single-paper page (%s)',
    async (_, file, url, adapter, name, dir) => {
      const r = await extract(file, '--url', url);
      expect(r.code).toBe(0);
      const papers = JSON.parse(r.stdout) as unknown[];
      expect(papers).toHaveLength(1);
      expect(papers).toStrictEqual(expectedPapers(name, dir));
      expect(r.stderr).toMatch(new RegExp(`^1 papers?, 0 skipped \\(${adapter}, paper\\)$`));
    },
    TIMEOUT,
  );

  it.each([
    ['a URL no listed site claims', path.join(FIXTURES, 'unrelated.html'), 'https://huggingface.co/models'],
    ['an unrelated arXiv page', path.join(ARXIV, 'help.html'), 'https://arxiv.org/help/api'],
  ])(
    'reads %s for embedded metadata: none there, so no paper',
    async (_, file, url) => {
      const r = await extract(file, '--url', url);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toStrictEqual([]);
      expect(r.stderr).toBe('0 papers, 0 skipped (embedded, paper)');
    },
    TIMEOUT,
  );

  it.each([
    ['a missing --url (a page without a fixture URL)', [NO_URL_PAGE], /^extract: missing --url/],
    ['no page at all', [], /^extract: no page given/],
    ['an unreadable file', [path.join(FIXTURES, 'no-such-page.html'), '--url', 'https://huggingface.co/papers'], /^extract: cannot read .*no-such-page\.html: ENOENT$/],
    ['an invalid URL', [path.join(FIXTURES, 'daily.html'), '--url', 'not a url'], /^extract: invalid URL: not a url$/],
    ['a URL that is not http(s)', [path.join(FIXTURES, 'unrelated.html'), '--url', 'file:///tmp/unrelated.html'], /^extract: no adapter handles file:\/\/\/tmp\/unrelated\.html$/],
  ])(
    'fails with one line and exit code 1 on %s',
    async (_, args, message) => {
      const r = await extract(...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    },
    TIMEOUT,
  );
});
