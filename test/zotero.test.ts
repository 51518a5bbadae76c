/**
 * Send to Zotero (lib/exchange/zotero*.ts): whole Zotero items for papers of every kind, every
 * answer of the connector server through a fake fetch (201, refused, timeout, 400 outdated, 409,
 * 500 read-only, 500, something else on the port), the background's send on a real Library
 * (marked only after 201, nothing changed otherwise, batches), and the page side (permission
 * asked first, in the click).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { toZoteroItem, zoteroCreator, noteHtml, type ZoteroItem } from '@/lib/exchange/zotero-item';
import { CONNECTOR_API_VERSION, ZoteroConnector, type ZoteroProblemKind } from '@/lib/exchange/zotero';
import { sendToZotero, type ZoteroSendDeps } from '@/lib/exchange/zotero-send';
import { DENIED_MESSAGE, describeZoteroResult, sendFromClick } from '@/lib/exchange/zotero-ask';
import { SavedPaper } from '@/lib/paper';
import { paperWords } from '@/lib/list/words';
import { freshLibrary, hfDraft } from './helpers/drafts';

const T = 1_790_000_000_000;

function rec(p: Partial<SavedPaper> & Pick<SavedPaper, 'id' | 'title'>): SavedPaper {
  const base = { authors: [], links: {}, signals: {}, sources: [], tags: [], note: '', status: 'unread' as const, savedAt: T, updatedAt: T, ...p };
  return SavedPaper.parse({ ...base, words: paperWords(base) });
}
const src = (site: string, url: string) => ({ site, url, firstSeenAt: T, lastSeenAt: T });

describe('Zotero items', () => {
  it('an arXiv paper is a preprint: ordered creators, tags, the note as escaped HTML, the PDF as a link', () => {
    const p = rec({
      id: 'arxiv:2305.13169',
      title: 'The $\\alpha$-Net: <Priors> & über-Networks',
      authors: ['Jürgen Müller', 'Anna van der Berg', 'Martin Luther King Jr.', 'OpenAI', 'Lovelace, Ada'],
      abstract: 'We study networks & priors.',
      publishedAt: '2023-05-22',
      arxivId: '2305.13169',
      arxivVersion: 2,
      links: { page: 'https://huggingface.co/papers/2305.13169', abs: 'https://arxiv.org/abs/2305.13169', pdf: 'https://arxiv.org/pdf/2305.13169' },
      sources: [src('huggingface', 'https://huggingface.co/papers/2305.13169')],
      tags: ['priors', 'to read'],
      note: 'Read §3 <b>first</b> & "cite" it.\nSecond line.\n\nNew paragraph\'s end.',
    });
    expect(toZoteroItem(p)).toEqual<ZoteroItem>({
      id: 'arxiv:2305.13169',
      itemType: 'preprint',
      title: 'The $\\alpha$-Net: <Priors> & über-Networks',
      creators: [
        { firstName: 'Jürgen', lastName: 'Müller', creatorType: 'author' },
        { firstName: 'Anna', lastName: 'van der Berg', creatorType: 'author' },
        { firstName: 'Martin Luther, Jr.', lastName: 'King', creatorType: 'author' },
        { lastName: 'OpenAI', creatorType: 'author', fieldMode: 1 },
        { firstName: 'Ada', lastName: 'Lovelace', creatorType: 'author' },
      ],
      date: '2023-05-22',
      url: 'https://arxiv.org/abs/2305.13169',
      abstractNote: 'We study networks & priors.',
      repository: 'arXiv',
      archiveID: 'arXiv:2305.13169',
      extra: 'arXiv: 2305.13169',
      tags: [{ tag: 'priors' }, { tag: 'to read' }],
      notes: [{ note: '<p>Read §3 &lt;b&gt;first&lt;/b&gt; &amp; &quot;cite&quot; it.<br>Second line.</p><p>New paragraph&#39;s end.</p>' }],
      attachments: [{ title: 'PDF (link)', url: 'https://arxiv.org/pdf/2305.13169', mimeType: 'text/html', snapshot: false }],
    });
  });

  it('a CVF paper is a conference paper in its proceedings', () => {
    const p = rec({
      id: 'url:https://openaccess.thecvf.com/content/CVPR2023/html/Doe_Fast_CVPR_2023_paper.html',
      title: 'Fast Things',
      authors: ['Jane Doe', 'Li'],
      venue: 'CVPR 2023',
      year: 2023,
      links: { page: 'https://openaccess.thecvf.com/content/CVPR2023/html/Doe_Fast_CVPR_2023_paper.html', pdf: 'https://openaccess.thecvf.com/content/CVPR2023/papers/Doe_Fast_CVPR_2023_paper.pdf' },
      sources: [src('cvf', 'https://openaccess.thecvf.com/CVPR2023?day=all')],
    });
    expect(toZoteroItem(p)).toEqual<ZoteroItem>({
      id: p.id,
      itemType: 'conferencePaper',
      title: 'Fast Things',
      creators: [
        { firstName: 'Jane', lastName: 'Doe', creatorType: 'author' },
        { lastName: 'Li', creatorType: 'author', fieldMode: 1 },
      ],
      date: '2023',
      url: 'https://openaccess.thecvf.com/content/CVPR2023/html/Doe_Fast_CVPR_2023_paper.html',
      proceedingsTitle: 'CVPR 2023',
      tags: [],
      notes: [],
      attachments: [{ title: 'PDF (link)', url: 'https://openaccess.thecvf.com/content/CVPR2023/papers/Doe_Fast_CVPR_2023_paper.pdf', mimeType: 'text/html', snapshot: false }],
    });
  });

  it('a PubMed article with a DOI is a journal article in its journal', () => {
    const p = rec({
      id: 'doi:10.1111/sms.14321',
      title: 'Knee Loads in Sprinters',
      authors: ['Kari Nordmann'],
      venue: 'Scand J Sports Med. 2018 Jul;28(7):1702-1710',
      doi: '10.1111/sms.14321',
      publishedAt: '2018-07-01',
      links: { page: 'https://pubmed.ncbi.nlm.nih.gov/31452104/' },
      sources: [src('pubmed', 'https://pubmed.ncbi.nlm.nih.gov/31452104/')],
      note: 'check',
    });
    expect(toZoteroItem(p)).toEqual<ZoteroItem>({
      id: 'doi:10.1111/sms.14321',
      itemType: 'journalArticle',
      title: 'Knee Loads in Sprinters',
      creators: [{ firstName: 'Kari', lastName: 'Nordmann', creatorType: 'author' }],
      date: '2018-07-01',
      DOI: '10.1111/sms.14321',
      url: 'https://pubmed.ncbi.nlm.nih.gov/31452104/',
      publicationTitle: 'Scand J Sports Med. 2018 Jul;28(7):1702-1710',
      tags: [],
      notes: [{ note: '<p>check</p>' }],
      attachments: [],
    });
  });

  it('the item type follows venue, arXiv id, DOI and site', () => {
    const type = (p: Partial<SavedPaper>) => toZoteroItem(rec({ id: 'url:https://example.org/p', title: 'T', ...p })).itemType;
    // A published venue with an arXiv id: the venue decides, the arXiv id stays in Extra.
    const iclr = toZoteroItem(rec({ id: 'arxiv:1710.10903', title: 'T', arxivId: '1710.10903', venue: 'ICLR 2025 Poster', sources: [src('openreview', 'https://openreview.net/forum?id=x')] }));
    expect([iclr.itemType, iclr.proceedingsTitle, iclr.extra, iclr.repository]).toEqual(['conferencePaper', 'ICLR 2025 Poster', 'arXiv: 1710.10903', undefined]);
    expect(type({ venue: 'Proceedings of the Workshop on Dialect Resources' })).toBe('conferencePaper');
    expect(type({ venue: 'Findings of the Association for Computational Linguistics: ACL 2029' })).toBe('conferencePaper');
    expect(type({ venue: 'Trans. Mach. Learn. Res.' })).toBe('journalArticle');
    expect(type({ venue: 'LowResMorph', sources: [src('acl', 'https://aclanthology.org/volumes/x/')] })).toBe('conferencePaper');
    // Not published (yet): dblp's CoRR, an OpenReview submission.
    expect(type({ venue: 'CoRR', arxivId: '2401.00001' })).toBe('preprint');
    expect(type({ venue: 'Submitted to ICLR 2025' })).toBe('preprint');
    expect(toZoteroItem(rec({ id: 'url:https://example.org/p', title: 'T', venue: 'CoRR' })).publicationTitle).toBeUndefined();
    expect(type({ doi: '10.1/x' })).toBe('journalArticle');
    expect(type({ sources: [src('neurips', 'https://proceedings.neurips.cc/paper_files/paper/2019')] })).toBe('conferencePaper');
    expect(type({})).toBe('preprint');
  });

  it('splits names the way Zotero stores them', () => {
    expect(zoteroCreator('Plato')).toEqual({ lastName: 'Plato', creatorType: 'author', fieldMode: 1 });
    expect(zoteroCreator('  Grace   Brewster Hopper ')).toEqual({ firstName: 'Grace Brewster', lastName: 'Hopper', creatorType: 'author' });
    expect(zoteroCreator('Juan de la Cruz')).toEqual({ firstName: 'Juan', lastName: 'de la Cruz', creatorType: 'author' });
    // Zotero refuses fieldMode 1 with a firstName: a one-field name never has one.
    for (const n of ['X', 'Ab, Cd, Ef', '李']) expect(zoteroCreator(n)).not.toHaveProperty('firstName');
    expect(noteHtml('')).toBe('');
    expect(noteHtml('  \n\n ')).toBe('');
    expect(noteHtml('a\r\nb')).toBe('<p>a<br>b</p>');
  });
});

/** A fake fetch answering from a table of routes; records every request. */
function fakeFetch(routes: Record<string, () => Promise<Response> | Response>) {
  const calls: { url: string; init: RequestInit; body: unknown }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
    const route = routes[new URL(url).pathname];
    if (!route) throw new TypeError('Failed to fetch');
    return route();
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}
const json = (status: number, body?: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const PING = () => json(200, { prefs: { automaticSnapshots: true } });
/** A fetch that answers only when aborted (a server that never replies). */
const hang = (_input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

describe('the connector server', () => {
  const item = toZoteroItem(rec({ id: 'arxiv:2401.00001', title: 'T', arxivId: '2401.00001' }));

  it('pings, then posts saveItems with the headers, a fresh session id and the items; 201 is success', async () => {
    const f = fakeFetch({ '/connector/ping': PING, '/connector/saveItems': () => json(201) });
    let n = 0;
    const z = new ZoteroConnector({ fetch: f.fetch, newSessionId: () => `session-${++n}` });
    expect(await z.ping()).toBeNull();
    expect(await z.saveItems([item])).toBeNull();
    expect(await z.saveItems([item])).toBeNull();
    expect(f.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:23119/connector/ping', 'http://127.0.0.1:23119/connector/saveItems', 'http://127.0.0.1:23119/connector/saveItems']);
    for (const c of f.calls) {
      expect(c.init.method).toBe('POST');
      expect(c.init.headers).toEqual({ 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION) });
      expect(c.init.credentials).toBe('omit');
    }
    expect(f.calls[1]!.body).toEqual({ sessionID: 'session-1', items: [item] });
    expect(f.calls[2]!.body).toEqual({ sessionID: 'session-2', items: [item] });
  });

  const cases: [string, () => Promise<Response> | Response, ZoteroProblemKind, RegExp][] = [
    ['400 CONNECTOR_VERSION_OUTDATED', () => json(400, { error: 'CONNECTOR_VERSION_OUTDATED' }), 'outdated', /newer connector protocol/],
    ['400 with another error', () => json(400, { error: 'SOMETHING' }), 'failed', /HTTP 400: SOMETHING/],
    ['409 SESSION_EXISTS', () => json(409, { error: 'SESSION_EXISTS' }), 'busy', /busy/],
    ['500 read-only library', () => json(500, { libraryEditable: false }), 'read-only', /read-only/],
    ['500 without a body', () => new Response(null, { status: 500 }), 'failed', /HTTP 500/],
    ['500 with a body that is not JSON', () => new Response('<html>oops', { status: 500 }), 'failed', /HTTP 500/],
    ['a 200 instead of 201', () => json(200, {}), 'failed', /HTTP 200/],
    ['a refused connection', () => Promise.reject(new TypeError('Failed to fetch')), 'not-running', /not running/],
  ];
  for (const [what, answer, kind, message] of cases) {
    it(`saveItems answered with ${what}: ${kind}`, async () => {
      const z = new ZoteroConnector({ fetch: fakeFetch({ '/connector/saveItems': answer }).fetch });
      expect(await z.saveItems([item])).toEqual({ kind, message: expect.stringMatching(message) });
    });
  }

  it('nothing listening, a hung server and a stranger on the port are told apart at the ping', async () => {
    expect(await new ZoteroConnector({ fetch: fakeFetch({}).fetch }).ping()).toEqual({ kind: 'not-running', message: expect.stringMatching(/Zotero is not running/) });
    expect(await new ZoteroConnector({ fetch: hang as typeof fetch, pingTimeoutMs: 20 }).ping()).toEqual({ kind: 'timeout', message: expect.stringMatching(/did not answer within/) });
    const stranger = (r: () => Response) => new ZoteroConnector({ fetch: fakeFetch({ '/connector/ping': r }).fetch }).ping();
    expect((await stranger(() => new Response('Not Found', { status: 404 })))?.kind).toBe('not-zotero');
    expect((await stranger(() => new Response('<html>hello</html>', { status: 200 })))?.kind).toBe('not-zotero');
    expect((await stranger(() => json(200, ['a list'])))?.kind).toBe('not-zotero');
  });

  it('a saveItems that never answers times out, saying the papers may be in Zotero', async () => {
    const z = new ZoteroConnector({ fetch: hang as typeof fetch, saveTimeoutMs: 20 });
    expect(await z.saveItems([item])).toEqual({ kind: 'timeout', message: expect.stringMatching(/may or may not be in Zotero/) });
  });
});

describe('sending from the background', () => {
  async function shelf() {
    const lib = freshLibrary();
    for (const id of ['2601.00001', '2601.00002', '2601.00003']) await lib.save(hfDraft(id), { addTags: ['x'] }, T);
    return lib;
  }
  const deps = (routes: Parameters<typeof fakeFetch>[0], over: Partial<ZoteroSendDeps> = {}) => {
    const f = fakeFetch(routes);
    return { f, deps: { connector: new ZoteroConnector({ fetch: f.fetch, saveTimeoutMs: 20, pingTimeoutMs: 20 }), hasPermission: async () => true, now: () => T + 5, ...over } };
  };
  const ids = ['arxiv:2601.00001', 'arxiv:2601.00002', 'arxiv:2601.00003'];

  it('sends the papers in the order asked and remembers when, only after 201 (updatedAt unchanged)', async () => {
    const lib = await shelf();
    const { f, deps: d } = deps({ '/connector/ping': PING, '/connector/saveItems': () => json(201) });
    const res = await sendToZotero(lib, { ids: [ids[2], ids[0], ids[2]] }, d);
    expect(res).toEqual({ ok: true, sent: [ids[2], ids[0]], total: 2 });
    expect(f.calls.at(-1)!.body).toMatchObject({ items: [{ id: ids[2], title: 'Paper 2601.00003', tags: [{ tag: 'x' }] }, { id: ids[0] }] });
    const after = await lib.lookup(ids);
    expect([...after.values()].map((p) => [p.zoteroSentAt, p.updatedAt])).toEqual([[T + 5, T], [undefined, T], [T + 5, T]]);
  });

  const failing: [string, Parameters<typeof fakeFetch>[0], Partial<ZoteroSendDeps>, ZoteroProblemKind][] = [
    ['no permission', { '/connector/ping': PING, '/connector/saveItems': () => json(201) }, { hasPermission: async () => false }, 'permission'],
    ['Zotero not running', {}, {}, 'not-running'],
    ['outdated', { '/connector/ping': PING, '/connector/saveItems': () => json(400, { error: 'CONNECTOR_VERSION_OUTDATED' }) }, {}, 'outdated'],
    ['409', { '/connector/ping': PING, '/connector/saveItems': () => json(409, { error: 'SESSION_EXISTS' }) }, {}, 'busy'],
    ['read-only', { '/connector/ping': PING, '/connector/saveItems': () => json(500, { libraryEditable: false }) }, {}, 'read-only'],
    ['500', { '/connector/ping': PING, '/connector/saveItems': () => json(500) }, {}, 'failed'],
    ['a timeout', { '/connector/ping': PING, '/connector/saveItems': () => hang('', {}) }, {}, 'timeout'],
  ];
  for (const [what, routes, over, kind] of failing) {
    it(`${what}: the problem is the answer and nothing changes here`, async () => {
      const lib = await shelf();
      const before = await lib.all();
      const { f, deps: d } = deps(routes, over);
      if (what === 'a timeout') d.connector = new ZoteroConnector({ fetch: ((input: RequestInfo | URL, init?: RequestInit) => (String(input).endsWith('ping') ? Promise.resolve(PING()) : hang(input, init))) as typeof fetch, saveTimeoutMs: 20 });
      const res = await sendToZotero(lib, { ids }, d);
      expect(res).toEqual({ ok: true, sent: [], total: 3, problem: { kind, message: expect.any(String) } });
      expect(await lib.all()).toEqual(before);
      if (kind === 'permission') expect(f.calls).toEqual([]);
      if (kind === 'not-running') expect(f.calls.map((c) => c.url)).toEqual(['http://127.0.0.1:23119/connector/ping']);
    });
  }

  it('a failure in a later batch keeps the batches Zotero saved marked, and stops', async () => {
    const lib = await shelf();
    let saves = 0;
    const { deps: d } = deps({ '/connector/ping': PING, '/connector/saveItems': () => (++saves === 1 ? json(201) : json(409)) }, { batchSize: 2 });
    const res = await sendToZotero(lib, { ids }, d);
    expect(res).toMatchObject({ ok: true, sent: ids.slice(0, 2), total: 3, problem: { kind: 'busy' } });
    expect([...(await lib.lookup(ids)).values()].map((p) => p.zoteroSentAt)).toEqual([T + 5, T + 5, undefined]);
  });

  it('refuses malformed requests and papers no longer saved', async () => {
    const lib = await shelf();
    const { deps: d } = deps({});
    for (const bad of [null, {}, { ids: [] }, { ids: [''] }, { ids: 'arxiv:1' }, { ids: ids, extra: 1 }]) {
      expect(await sendToZotero(lib, bad, d)).toMatchObject({ ok: false, error: { code: 'invalid' } });
    }
    expect(await sendToZotero(lib, { ids: ['arxiv:9999.99999'] }, d)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('sending from a page', () => {
  it('asks for the permission first, synchronously, then sends and words the outcome', async () => {
    const order: string[] = [];
    const send = vi.fn(async (ids: string[]) => {
      order.push('send');
      return { ok: true as const, sent: ids, total: ids.length };
    });
    const pending = sendFromClick(['arxiv:1'], 'A Title', {
      requestPermission: () => {
        order.push('ask');
        return Promise.resolve(true);
      },
      send,
    });
    expect(order).toEqual(['ask']);
    expect(await pending).toEqual({ ok: true, message: 'Sent “A Title” to Zotero.' });
    expect(order).toEqual(['ask', 'send']);
  });

  it('a refused permission sends nothing', async () => {
    const send = vi.fn();
    expect(await sendFromClick(['arxiv:1'], undefined, { requestPermission: async () => false, send })).toEqual({ ok: false, message: DENIED_MESSAGE });
    expect(send).not.toHaveBeenCalled();
  });

  it('words each outcome', () => {
    expect(describeZoteroResult({ ok: true, sent: ['a', 'b'], total: 2 }).message).toBe('Sent 2 papers to Zotero.');
    expect(describeZoteroResult({ ok: true, sent: [], total: 2, problem: { kind: 'not-running', message: 'Zotero is not running.' } })).toEqual({ ok: false, message: 'Zotero is not running. Nothing was changed.' });
    expect(describeZoteroResult({ ok: true, sent: ['a'], total: 3, problem: { kind: 'busy', message: 'Busy.' } }).message).toBe('Sent 1 of 3 papers to Zotero, then stopped: Busy.');
    expect(describeZoteroResult({ ok: false, error: { code: 'not-found', message: 'Gone.' } }).message).toBe('Not sent to Zotero: Gone.');
  });
});
