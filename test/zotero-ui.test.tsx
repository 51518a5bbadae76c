/**
 * "Send to Zotero" on the page (components/zotero/SendToZotero, in the details view and the bulk
 * bar): the send starts inside the click (the page asks the browser for access there), a paper
 * sent before asks first, a selection with sent papers offers all or only the others, and the
 * outcome is said in a live region.
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { BulkBar } from '@/components/list/BulkBar';
import { PaperDetails } from '@/components/details/PaperDetails';
import { SendToZotero } from '@/components/zotero/SendToZotero';
import { App } from '@/entrypoints/popup/App';
import type { ZoteroReport } from '@/lib/exchange/zotero-ask';
import { SavedPaper } from '@/lib/paper';
import { freshLibrary, hfDraft } from './helpers/drafts';
import { container, mount, useContainer, waitFor } from './helpers/view';

useContainer();

const buttons = () => [...container.querySelectorAll('button')];
const button = (name: string) => buttons().find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name || b.textContent === name) ?? null;
const status = () => container.querySelector('[role="status"]')?.textContent ?? null;
const click = async (el: Element | null) => {
  expect(el).not.toBeNull();
  await act(async () => (el as HTMLElement).click());
};

function deferred() {
  let resolve!: (r: ZoteroReport) => void;
  const promise = new Promise<ZoteroReport>((r) => (resolve = r));
  return { promise, resolve };
}

const T = Date.UTC(2026, 4, 3, 12);
const paper = (over: Partial<SavedPaper> = {}) =>
  SavedPaper.parse({ id: 'arxiv:2601.00001', title: 'A Paper', authors: ['Ada Lovelace'], links: {}, signals: {}, sources: [], tags: [], note: '', status: 'unread', savedAt: T, updatedAt: T, words: [], ...over });

describe('SendToZotero', () => {
  it('sends from the click itself, says "Sending…", then the outcome', async () => {
    const d = deferred();
    const onSend = vi.fn(() => d.promise);
    mount(<SendToZotero count={1} sentBefore={0} onSend={onSend} />);
    expect(status()).toBe('');
    // The send starts synchronously inside the click (no await before the permission request).
    act(() => button('Send to Zotero')!.click());
    expect(onSend).toHaveBeenCalledExactlyOnceWith(false);
    expect(button('Send to Zotero')?.disabled).toBe(true);
    expect(button('Send to Zotero')?.textContent).toBe('Sending…');
    await act(async () => d.resolve({ ok: false, message: 'Zotero is not running. Nothing was changed.' }));
    expect(status()).toBe('Zotero is not running. Nothing was changed.');
    expect(container.querySelector('.zotero-report.failed')).not.toBeNull();
  });

  it('a paper sent before shows when, and asks before sending it again', async () => {
    const onSend = vi.fn(async () => ({ ok: true, message: 'Sent “A Paper” to Zotero.' }));
    mount(<SendToZotero count={1} sentBefore={1} sentAt={T} onSend={onSend} />);
    expect(container.textContent).toContain('Sent to Zotero on May 3, 2026.');
    await click(button('Send to Zotero again'));
    expect(onSend).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alertdialog"]')?.textContent).toContain('in Zotero already');
    await click(button('Cancel'));
    expect(onSend).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alertdialog"]')).toBeNull();
    await click(button('Send to Zotero again'));
    await click(button('Send again'));
    expect(onSend).toHaveBeenCalledExactlyOnceWith(false);
    expect(status()).toBe('Sent “A Paper” to Zotero.');
  });

  it('a selection with papers sent before offers all of them or only the others', async () => {
    const onSend = vi.fn(async () => ({ ok: true, message: 'Sent 2 papers to Zotero.' }));
    mount(<BulkBar count={3} onAction={() => {}} onClear={() => {}} zotero={{ sentBefore: 1, onSend }} />);
    await click(button('Send the 3 selected papers to Zotero'));
    expect(container.querySelector('[role="alertdialog"]')?.textContent).toContain('1 of the 3 selected papers were sent to Zotero before');
    expect(button('Send all 3')).not.toBeNull();
    await click(button('Send only the 2 not sent'));
    expect(onSend).toHaveBeenCalledExactlyOnceWith(true);
    expect(status()).toBe('Sent 2 papers to Zotero.');
  });

  it('a selection none of which was sent sends at once; without the prop the bar has no Zotero button', async () => {
    const onSend = vi.fn(async () => ({ ok: true, message: 'ok' }));
    mount(<BulkBar count={2} onAction={() => {}} onClear={() => {}} zotero={{ sentBefore: 0, onSend }} />);
    await click(button('Send the 2 selected papers to Zotero'));
    expect(onSend).toHaveBeenCalledExactlyOnceWith(false);
    mount(<BulkBar count={2} onAction={() => {}} onClear={() => {}} />);
    expect(buttons().some((b) => /Zotero/.test(b.getAttribute('aria-label') ?? ''))).toBe(false);
  });

  it('the details view offers it for its paper, and shows when it was sent', async () => {
    const onSendToZotero = vi.fn(async () => ({ ok: true, message: 'Sent “A Paper” to Zotero.' }));
    const props = { tags: [], onBack() {}, onStatus() {}, onNote() {}, onAddTag() {}, onRemoveTag() {} };
    mount(<PaperDetails {...props} paper={paper()} onSendToZotero={onSendToZotero} />);
    await click(button('Send to Zotero'));
    expect(onSendToZotero).toHaveBeenCalledOnce();
    mount(<PaperDetails {...props} paper={paper({ zoteroSentAt: T })} onSendToZotero={onSendToZotero} />);
    expect(container.textContent).toContain('Sent to Zotero on May 3, 2026.');
    mount(<PaperDetails {...props} paper={paper()} />);
    expect(button('Send to Zotero')).toBeNull();
  });
});

describe('Send to Zotero in the reading list', () => {
  it('details and the bulk bar hand the papers (ids, and the title of one) to the send, and show its outcome', async () => {
    const library = freshLibrary();
    await library.save(hfDraft('2603.00001', { title: 'First paper' }), undefined, 1000);
    await library.save(hfDraft('2603.00002', { title: 'Second paper' }), undefined, 2000);
    await library.markSentToZotero(['arxiv:2603.00002'], 3000);
    const sendToZotero = vi.fn(async (ids: string[], title?: string) => ({ ok: true, message: `sent ${ids.join(' ')} ${title ?? ''}`.trim() }));
    mount(<App library={library} page={null} sidePanel={null} openOptions={vi.fn()} sendToZotero={sendToZotero} />);
    await waitFor(() => expect(container.querySelector('main')?.getAttribute('aria-busy')).toBe('false'));
    const rowOf = (title: string) => [...container.querySelectorAll('ul[aria-label="Saved papers"] > li')].find((li) => li.textContent?.includes(title))!;

    await click(rowOf('First paper').querySelector('[data-control="details"]'));
    await click(button('Send to Zotero'));
    expect(sendToZotero).toHaveBeenLastCalledWith(['arxiv:2603.00001'], 'First paper');
    await waitFor(() => expect(status()).toBe('sent arxiv:2603.00001 First paper'));
    await click(button('← Back to list') ?? container.querySelector('.back'));

    for (const title of ['First paper', 'Second paper']) await click(rowOf(title).querySelector('input[type="checkbox"]'));
    await click(button('Send the 2 selected papers to Zotero'));
    expect(sendToZotero).toHaveBeenCalledTimes(1);
    await click(button('Send only the 1 not sent'));
    expect(sendToZotero).toHaveBeenLastCalledWith(['arxiv:2603.00001'], 'First paper');
    await click(button('Send to Zotero') ?? button('Send the 2 selected papers to Zotero'));
    await click(button('Send all 2'));
    expect(sendToZotero).toHaveBeenLastCalledWith(['arxiv:2603.00002', 'arxiv:2603.00001'], undefined);
  });
});
