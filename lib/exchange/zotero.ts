/**
 * Zotero desktop's connector server, the one HTTP service PaperShelf ever calls (background only,
 * and only when the user sends): http://127.0.0.1:23119, the server Zotero runs while it is open.
 * Ping first (POST /connector/ping), then POST /connector/saveItems with a fresh sessionID; both
 * carry X-Zotero-Connector-API-Version, without which Zotero silently drops a browser's request.
 * Every answer is read with zod, and each way it can go wrong is a ZoteroProblem with a sentence
 * for the user. `fetch` is injected, so the tests run every path without a server.
 *
 * What Zotero answers (zotero/zotero chrome/content/zotero/xpcom/server/server_connector.js):
 * saveItems 201 saved; 400 {"error":"CONNECTOR_VERSION_OUTDATED"} when it wants a newer API
 * version than ours; 409 {"error":"SESSION_EXISTS"}; 500 {"libraryEditable":false} when the
 * selected library is read-only; 500 when saving failed.
 */
import { z } from 'zod/mini';
import type { ZoteroItem } from './zotero-item';

export const ZOTERO_ORIGIN = 'http://127.0.0.1:23119';
/** The optional host permission the first "Send to Zotero" asks for (wxt.config.ts). */
export const ZOTERO_PERMISSION = `${ZOTERO_ORIGIN}/*`;
/** The connector protocol version PaperShelf speaks (Zotero 7's is 3). */
export const CONNECTOR_API_VERSION = 3;

export type ZoteroProblemKind = 'permission' | 'not-running' | 'timeout' | 'not-zotero' | 'outdated' | 'busy' | 'read-only' | 'failed';

export interface ZoteroProblem {
  kind: ZoteroProblemKind;
  /** a sentence for the user */
  message: string;
}

export interface ZoteroConnectorOptions {
  fetch?: typeof fetch;
  /** how long the ping may take (default 5 s) */
  pingTimeoutMs?: number;
  /** how long one saveItems may take (default 30 s: Zotero saves a batch in one transaction) */
  saveTimeoutMs?: number;
  /** a fresh session id per save (default crypto.randomUUID) */
  newSessionId?: () => string;
}

/** Zotero's JSON answers, loosely: only the fields PaperShelf reads are checked. */
const ErrorAnswer = z.looseObject({ error: z.optional(z.string()), libraryEditable: z.optional(z.boolean()) });
const PingAnswer = z.looseObject({ prefs: z.optional(z.looseObject({})) });

const problem = (kind: ZoteroProblemKind, message: string): ZoteroProblem => ({ kind, message });

export const PERMISSION_PROBLEM = problem(
  'permission',
  'PaperShelf may not reach Zotero yet: use "Send to Zotero" in the reading list and allow access to Zotero (127.0.0.1:23119) when the browser asks.',
);

type Answer = { status: number; body: unknown } | ZoteroProblem;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One JSON POST to the connector server, answered or turned into a problem. */
async function post(opts: Required<Pick<ZoteroConnectorOptions, 'fetch'>>, path: string, body: unknown, timeoutMs: number, what: string): Promise<Answer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const res = await opts.fetch(`${ZOTERO_ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Zotero-Connector-API-Version': String(CONNECTOR_API_VERSION) },
      body: JSON.stringify(body),
      signal: abort.signal,
      // Zotero's session is per request; nothing to send along.
      credentials: 'omit',
      cache: 'no-store',
    });
    const text = await res.text();
    return { status: res.status, body: parseJson(text) };
  } catch {
    if (abort.signal.aborted) return problem('timeout', `Zotero did not answer within ${Math.round(timeoutMs / 1000)} seconds${what}.`);
    // A refused connection (nothing listens on the port) is a network error: Zotero is closed.
    return problem('not-running', 'Zotero is not running: start Zotero (the desktop app) and try again.');
  } finally {
    clearTimeout(timer);
  }
}

const isProblem = (a: Answer): a is ZoteroProblem => 'kind' in a;

/** The connector server of the Zotero desktop app on this machine. */
export class ZoteroConnector {
  private readonly opts: Required<ZoteroConnectorOptions>;

  constructor(options: ZoteroConnectorOptions = {}) {
    this.opts = {
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      pingTimeoutMs: options.pingTimeoutMs ?? 5_000,
      saveTimeoutMs: options.saveTimeoutMs ?? 30_000,
      newSessionId: options.newSessionId ?? (() => crypto.randomUUID()),
    };
  }

  /** Is Zotero there? null when it is, else why not. */
  async ping(): Promise<ZoteroProblem | null> {
    const a = await post(this.opts, '/connector/ping', {}, this.opts.pingTimeoutMs, ': is it busy? Try again in a moment');
    if (isProblem(a)) return a;
    if (a.status === 200 && PingAnswer.safeParse(a.body).success) return null;
    return problem('not-zotero', `Something answers on 127.0.0.1:23119, but not as Zotero does (HTTP ${a.status}): is another program using Zotero's port?`);
  }

  /** Save these items in one session. null when Zotero saved them (201), else why not. */
  async saveItems(items: readonly ZoteroItem[]): Promise<ZoteroProblem | null> {
    const a = await post(
      this.opts,
      '/connector/saveItems',
      { sessionID: this.opts.newSessionId(), items },
      this.opts.saveTimeoutMs,
      ': the papers may or may not be in Zotero now; look there before sending them again',
    );
    if (isProblem(a)) return a;
    if (a.status === 201) return null;
    return saveProblem(a.status, a.body);
  }
}

/** What a saveItems answer other than 201 means. */
export function saveProblem(status: number, body: unknown): ZoteroProblem {
  const parsed = ErrorAnswer.safeParse(body);
  const answer = parsed.success ? parsed.data : {};
  if (status === 400 && answer.error === 'CONNECTOR_VERSION_OUTDATED') {
    return problem('outdated', `This Zotero wants a newer connector protocol than PaperShelf speaks (version ${CONNECTOR_API_VERSION}): update PaperShelf, or use an older Zotero.`);
  }
  if (status === 409) return problem('busy', 'Zotero is still busy with another save: try again in a moment.');
  if (status === 500 && answer.libraryEditable === false) {
    return problem('read-only', 'The library selected in Zotero is read-only: select My Library or a group you can edit in Zotero, then try again.');
  }
  if (status === 500) return problem('failed', 'Zotero could not save the papers (it answered HTTP 500; its Help → Debug Output Logging says why).');
  return problem('failed', `Zotero refused the papers (HTTP ${status}${answer.error ? `: ${answer.error}` : ''}).`);
}
