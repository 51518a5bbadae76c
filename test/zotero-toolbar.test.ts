/**
 * "→ Zotero" on a card's toolbar (components/toolbar/ToolbarView, lib/content/toolbars): only on a
 * saved paper and only when the backend can send; a click asks the background (a typed message),
 * a paper sent before asks first ("Send again?"), a problem shows on the card, and the card
 * follows the background's change notice ("✓ Zotero").
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { Toolbars, type Backend } from '@/lib/content/toolbars';
import type { ZoteroOutcome } from '@/lib/exchange/zotero-send';
import type { PaperState, Result } from '@/lib/messages';
import { happyDOM, hfCard as card, settle, wiredScanner } from './helpers/content';

const state = (id: string, over: Partial<PaperState> = {}): PaperState => ({ id: `arxiv:${id}`, tags: [], note: '', status: 'unread', savedAt: 1, ...over });

const shadow = (id: string) => document.querySelector(`papershelf-toolbar[data-papershelf-id="arxiv:${id}"]`)!.shadowRoot!;
const zotero = (id: string) => shadow(id).querySelector<HTMLButtonElement>('button.zotero');
const errorText = (id: string) => shadow(id).querySelector('.error')?.textContent ?? null;
const click = async (el: Element | null) => {
  el!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
  await settle();
};

let abort: AbortController;
let toolbars: Toolbars;
let saved: Record<string, PaperState>;
let sendToZotero: Mock<(ids: string[]) => Promise<Result<ZoteroOutcome>>>;

async function page(backend: Backend, ids: string[]): Promise<void> {
  happyDOM().setURL('https://huggingface.co/papers/date/2026-03-02');
  document.body.innerHTML = `<div class="grid">${ids.map(card).join('')}</div>`;
  abort = new AbortController();
  toolbars = new Toolbars(document, backend, abort.signal);
  wiredScanner(toolbars, abort.signal).start();
  await settle();
}

const backend = (): Backend => ({
  lookup: async ({ ids = [] }) => ({ ok: true, papers: Object.fromEntries(ids.filter((id) => saved[id]).map((id) => [id, saved[id]!])) }),
  save: async (draft) => ({ ok: true, paper: state(draft.id.slice(6)) }),
  patch: async () => ({ ok: false, error: { code: 'not-found', message: 'gone' } }),
  remove: async () => ({ ok: true, removed: true }),
  tags: async () => ({ ok: true, tags: [] }),
  sendToZotero,
});

beforeEach(() => {
  saved = { 'arxiv:2603.00001': state('2603.00001'), 'arxiv:2603.00002': state('2603.00002', { zoteroSentAt: 5 }) };
  sendToZotero = vi.fn(async (ids: string[]): Promise<Result<ZoteroOutcome>> => ({ ok: true, sent: ids, total: ids.length }));
});
afterEach(() => abort.abort());

describe('the card toolbar’s Zotero button', () => {
  it('shows on saved papers only, and sends through the background', async () => {
    await page(backend(), ['2603.00001', '2603.00002', '2603.00003']);
    expect(zotero('2603.00003')).toBeNull();
    expect(zotero('2603.00001')?.textContent).toBe('→ Zotero');
    expect(zotero('2603.00002')?.textContent).toBe('✓ Zotero');
    await click(zotero('2603.00001'));
    expect(sendToZotero).toHaveBeenCalledExactlyOnceWith(['arxiv:2603.00001']);
    expect(errorText('2603.00001')).toBeNull();
    // The background's change notice carries the time it was sent.
    toolbars.applyChanged({ papers: { 'arxiv:2603.00001': state('2603.00001', { zoteroSentAt: 9 }) } });
    expect(zotero('2603.00001')?.textContent).toBe('✓ Zotero');
  });

  it('a paper sent before asks first: the second click sends', async () => {
    await page(backend(), ['2603.00002']);
    await click(zotero('2603.00002'));
    expect(sendToZotero).not.toHaveBeenCalled();
    expect(zotero('2603.00002')?.textContent).toBe('Send again?');
    expect(zotero('2603.00002')?.getAttribute('aria-label')).toBe('In Zotero already: send again?');
    await click(zotero('2603.00002'));
    expect(sendToZotero).toHaveBeenCalledExactlyOnceWith(['arxiv:2603.00002']);
    expect(zotero('2603.00002')?.textContent).toBe('✓ Zotero');
  });

  it("Zotero's problem shows on the card", async () => {
    sendToZotero.mockResolvedValue({ ok: true, sent: [], total: 1, problem: { kind: 'not-running', message: 'Zotero is not running: start Zotero (the desktop app) and try again.' } });
    await page(backend(), ['2603.00001']);
    await click(zotero('2603.00001'));
    expect(errorText('2603.00001')).toContain('Zotero is not running: start Zotero (the desktop app) and try again. Nothing was changed.');
    expect(zotero('2603.00001')?.textContent).toBe('→ Zotero');
    expect(zotero('2603.00001')?.disabled).toBe(false);
  });

  it('no button where the backend cannot send', async () => {
    const { sendToZotero: _, ...rest } = backend();
    await page(rest, ['2603.00001']);
    shadow('2603.00001').querySelector('.save')!.dispatchEvent(new Event('pointerover', { bubbles: true, composed: true }));
    expect(zotero('2603.00001')).toBeNull();
  });
});
