/**
 * Contract test of lib/content/channel.ts, the content script's hand-written side of the
 * protocol, against the real @webext-core/messaging the background uses (lib/messages
 * `messaging`). The two meet through a fake runtime with Chromium's rules: messages are copied as
 * JSON, a listener answers through sendResponse (returning true keeps the channel open), and a
 * message nobody answers resolves undefined. Both directions: content requests -> background
 * handlers, background change notices -> content listener.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onChangedMessage, send } from '@/lib/content/channel';
import { handle, REQUEST_TYPES } from '@/lib/handlers';
import { messaging, type ChangedMessage, type PaperState } from '@/lib/messages';
import { freshLibrary, hfDraft } from './helpers/drafts';

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => unknown;

/** One extension context's runtime.onMessage listeners. */
class Context {
  readonly listeners = new Set<Listener>();
  readonly onMessage = {
    addListener: (l: Listener) => void this.listeners.add(l),
    removeListener: (l: Listener) => void this.listeners.delete(l),
  };

  /** Deliver a message as Chromium does; resolves with the first answer, undefined when none. */
  deliver(message: unknown, sender: unknown): Promise<unknown> {
    const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
    return new Promise((resolve) => {
      let answered = false;
      let open = false;
      const sendResponse = (response: unknown) => {
        if (answered) return;
        answered = true;
        resolve(copy(response));
      };
      for (const l of [...this.listeners]) if (l(copy(message), sender, sendResponse) === true) open = true;
      if (!open && !answered) resolve(undefined);
    });
  }
}

const TAB_ID = 7;
let background: Context;
let page: Context;

beforeEach(() => {
  background = new Context();
  page = new Context();
  // The background's library speaks through `chrome` (runtime.onMessage, tabs.sendMessage)...
  vi.stubGlobal('chrome', {
    runtime: { onMessage: background.onMessage, lastError: undefined },
    tabs: {
      sendMessage: (tabId: number, message: unknown, _options: unknown, callback: (r: unknown) => void) => {
        expect(tabId).toBe(TAB_ID);
        void page.deliver(message, { id: 'papershelf' }).then(callback);
      },
    },
  });
  // ...the content script through WXT's `browser` (the fake one in tests).
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
    background.deliver(message, { tab: { id: TAB_ID } })) as typeof fakeBrowser.runtime.sendMessage);
  vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation(page.onMessage.addListener as never);
  vi.spyOn(fakeBrowser.runtime.onMessage, 'removeListener').mockImplementation(page.onMessage.removeListener as never);
});

afterEach(() => {
  messaging.removeAllListeners();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const state: PaperState = { id: 'arxiv:2603.01234', tags: ['rl'], note: '', status: 'unread', savedAt: 1 };

describe('content -> background: channel.send to messaging.onMessage', () => {
  it('delivers type and data, and resolves with the handler answer', async () => {
    const seen: unknown[] = [];
    messaging.onMessage('lookup', ({ data, sender }) => {
      seen.push([data, sender]);
      return { ok: true, papers: { [state.id]: state } };
    });
    await expect(send('lookup', { ids: [state.id] })).resolves.toEqual({ ok: true, papers: { [state.id]: state } });
    expect(seen).toEqual([[{ ids: [state.id] }, { tab: { id: TAB_ID } }]]);
  });

  it('answers each request with its own handler, async ones too', async () => {
    messaging.onMessage('tags', async () => ({ ok: true, tags: ['a', 'b'] }));
    messaging.onMessage('remove', ({ data }) => ({ ok: true, removed: data.id === state.id }));
    expect(await send('tags', {})).toEqual({ ok: true, tags: ['a', 'b'] });
    expect(await send('remove', { id: state.id })).toEqual({ ok: true, removed: true });
    expect(await send('remove', { id: 'arxiv:2603.99999' })).toEqual({ ok: true, removed: false });
  });

  it('rejects with the message of an error thrown in the background', async () => {
    messaging.onMessage('tags', () => {
      throw new Error('the database is gone');
    });
    await expect(send('tags', {})).rejects.toThrow('the database is gone');
  });

  it('rejects when no handler answers that type', async () => {
    messaging.onMessage('tags', () => ({ ok: true, tags: [] }));
    await expect(send('lookup', { ids: [] })).rejects.toThrow('No response from PaperShelf');
  });

  it('carries every request type through the real handlers as background.ts wires them', async () => {
    const lib = freshLibrary();
    for (const type of REQUEST_TYPES) messaging.onMessage(type, ({ data }) => handle(lib, type, data) as never);
    const draft = hfDraft('2603.01234');
    const saved = await send('save', { draft, patch: { addTags: ['rl'] } });
    expect(saved.ok && saved.paper).toMatchObject({ id: 'arxiv:2603.01234', tags: ['rl'], status: 'unread' });
    const patched = await send('patch', { id: 'arxiv:2603.01234', patch: { status: 'read' } });
    expect(patched.ok && patched.paper.status).toBe('read');
    const looked = await send('lookup', { ids: ['arxiv:2603.01234', 'arxiv:2603.00000'] });
    expect(looked.ok && Object.keys(looked.papers)).toEqual(['arxiv:2603.01234']);
    expect(await send('tags', {})).toEqual({ ok: true, tags: ['rl'] });
    const invalid = await send('remove', { id: '' });
    expect(invalid.ok === false && invalid.error.code).toBe('invalid');
    expect(await send('remove', { id: 'arxiv:2603.01234' })).toEqual({ ok: true, removed: true });
  });
});

describe('background -> content: messaging.sendMessage to channel.onChangedMessage', () => {
  it('delivers change notices and answers, so the background does not wait in vain', async () => {
    const got: ChangedMessage[] = [];
    const stop = onChangedMessage((m) => got.push(m));
    const papers: ChangedMessage['papers'] = { [state.id]: state, 'arxiv:2603.00002': null };
    await expect(messaging.sendMessage('changed', { papers }, TAB_ID)).resolves.toBeNull();
    expect(got).toEqual([{ papers }]);
    stop();
    expect(page.listeners.size).toBe(0);
  });

  it('leaves other messages to other listeners', async () => {
    const got: ChangedMessage[] = [];
    onChangedMessage((m) => got.push(m));
    // A request type sent to a tab: the content script does not answer it.
    await expect(messaging.sendMessage('tags', {}, TAB_ID)).rejects.toThrow('No response');
    expect(got).toEqual([]);
  });
});
