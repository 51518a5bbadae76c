/**
 * Where a content script cannot set a shadow root's adoptedStyleSheets (Firefox before 153 throws
 * "Accessing from Xray wrapper is not supported"), toolbar.css reaches the toolbar as one <style>
 * in its shadow root; adopting is tried once per page. The e2e suite checks the real thing in
 * Firefox ESR 140 and 153 (test/e2e/firefox).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import TOOLBAR_CSS from '@/components/toolbar/toolbar.css?inline';
import { happyDOM, hfCard as card, settle, wiredScanner } from './helpers/content';

const backend: Backend = {
  lookup: async () => ({ ok: true, papers: {} }),
  save: async (draft) => ({ ok: true, paper: { id: draft.id, tags: [], note: '', status: 'unread', savedAt: 1 } }),
  patch: async () => ({ ok: false, error: { code: 'not-found', message: 'gone' } }),
  remove: async () => ({ ok: true, removed: true }),
  tags: async () => ({ ok: true, tags: [] }),
};

const shadow = (id: string) => document.querySelector(`papershelf-toolbar[data-papershelf-id="arxiv:${id}"]`)!.shadowRoot!;
const pointAt = (id: string) => shadow(id).querySelector('.save')!.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
/** What a shadow root holds: its elements' tags and its adopted sheets. */
const contents = (id: string) => ({ children: [...shadow(id).children].map((e) => e.localName), adopted: shadow(id).adoptedStyleSheets.length });

let abort: AbortController;
let toolbars: Toolbars;
const setAdopted = vi.fn();

beforeEach(async () => {
  // As a Firefox 140 content script sees a page's shadow roots: reading works, setting throws.
  setAdopted.mockReset();
  setAdopted.mockImplementation(() => {
    throw new Error('Accessing from Xray wrapper is not supported.');
  });
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', { configurable: true, get: () => [], set: setAdopted });
  happyDOM().setURL('https://huggingface.co/papers/date/2026-03-02');
  document.body.innerHTML = `<div class="grid">${['2603.00001', '2603.00002', '2603.00003'].map(card).join('')}</div>`;
  abort = new AbortController();
  toolbars = new Toolbars(document, backend, abort.signal);
  wiredScanner(toolbars, abort.signal).start();
  await settle();
});

afterEach(() => {
  abort.abort();
  delete (ShadowRoot.prototype as unknown as Record<string, unknown>).adoptedStyleSheets;
});

describe('toolbar.css where adopting a sheet throws', () => {
  it('goes into each used toolbar as one <style>, after one try at adopting', () => {
    expect(document.querySelectorAll('papershelf-toolbar')).toHaveLength(3);
    pointAt('2603.00001');
    pointAt('2603.00002');
    for (const id of ['2603.00001', '2603.00002']) {
      expect(contents(id)).toEqual({ children: ['style', 'div'], adopted: 0 });
      expect(shadow(id).querySelector('style')!.textContent).toBe(TOOLBAR_CSS);
      // The view attached: "+ tag" and Note were added.
      expect([...shadow(id).querySelectorAll('button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Save', 'Add tag', 'Add note']);
    }
    // Untouched: the skeleton alone, styled from the page.
    expect(contents('2603.00003')).toEqual({ children: ['div'], adopted: 0 });
    expect(setAdopted).toHaveBeenCalledTimes(1);
  });

  it('Save works, and a stale toolbar keeps its style', async () => {
    pointAt('2603.00001');
    shadow('2603.00001').querySelector('.save')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await settle();
    expect(document.querySelector('papershelf-toolbar[data-papershelf-id="arxiv:2603.00001"]')!.getAttribute('data-papershelf-state')).toBe('saved');
    toolbars.invalidate();
    expect(contents('2603.00001')).toEqual({ children: ['style', 'p'], adopted: 0 });
    expect(contents('2603.00003')).toEqual({ children: ['style', 'p'], adopted: 0 });
    expect(setAdopted).toHaveBeenCalledTimes(1);
  });
});
