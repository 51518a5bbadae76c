/**
 * "Send to Zotero" from an extension page (the popup, the side panel): ask the browser for access
 * to Zotero's port (the optional host permission; the browser asks the user the first time and
 * answers at once after that), then have the background send (lib/exchange/zotero-send.ts), and
 * word the outcome. Call it straight from the click: the browser grants a permission only in
 * answer to one.
 */
import { errorMessage } from '../errors';
import { messaging, type Result } from '../messages';
import { ZOTERO_PERMISSION } from './zotero';
import type { ZoteroOutcome } from './zotero-send';

export interface ZoteroReport {
  ok: boolean;
  message: string;
}

/** What the user is told when the browser's question was answered "no". */
export const DENIED_MESSAGE = 'Not sent: PaperShelf needs your permission to reach Zotero on this computer (127.0.0.1:23119). Nothing was changed.';

/** "“Title”" for one paper, "3 papers" for more. */
function what(n: number, title?: string): string {
  return n === 1 && title ? `“${title}”` : `${n.toLocaleString('en-US')} paper${n === 1 ? '' : 's'}`;
}

/** The background's answer as one sentence (`title`: the paper's, when one was sent). */
export function describeZoteroResult(result: Result<ZoteroOutcome>, title?: string): ZoteroReport {
  if (!result.ok) return { ok: false, message: `Not sent to Zotero: ${result.error.message}` };
  const { sent, total, problem } = result;
  if (!problem) return { ok: true, message: `Sent ${what(sent.length, title)} to Zotero.` };
  if (sent.length === 0) return { ok: false, message: `${problem.message} Nothing was changed.` };
  return { ok: false, message: `Sent ${sent.length.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} papers to Zotero, then stopped: ${problem.message}` };
}

export interface ZoteroAskDeps {
  requestPermission(): Promise<boolean>;
  send(ids: string[]): Promise<Result<ZoteroOutcome>>;
}

const browserDeps = (): ZoteroAskDeps => ({
  requestPermission: () => browser.permissions.request({ origins: [ZOTERO_PERMISSION] }),
  send: (ids) => messaging.sendMessage('sendToZotero', { ids }),
});

/**
 * Ask for access (synchronously, inside the click), then send these papers. Resolves to what to
 * tell the user; never rejects.
 */
export function sendFromClick(ids: readonly string[], title?: string, deps: ZoteroAskDeps = browserDeps()): Promise<ZoteroReport> {
  // First thing in the click: no await before the browser's question.
  const asked = deps.requestPermission();
  return asked
    .then(async (granted) => (granted ? describeZoteroResult(await deps.send([...ids]), title) : { ok: false, message: DENIED_MESSAGE }))
    .catch((err: unknown) => ({ ok: false, message: `Not sent to Zotero: ${errorMessage(err)}` }));
}
