/**
 * Actions on the selected papers: add a tag, set the reading status, remove (the popup offers
 * Undo). Props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import type { ZoteroReport } from '@/lib/exchange/zotero-ask';
import type { Status } from '@/lib/paper';
import { StatusOptions } from '../StatusOptions';
import { formatCount } from './counts';
import { SendToZotero } from '../zotero/SendToZotero';

/** One bulk action, applied to a list of paper ids. */
export type BulkAction = { kind: 'tag'; tag: string } | { kind: 'status'; status: Status } | { kind: 'remove' };

export interface BulkBarProps {
  /** how many papers are selected (> 0 while the bar shows) */
  count: number;
  onAction(action: BulkAction): void;
  onClear(): void;
  /** "Send to Zotero" for the selection: how many of it were sent before, and the send (from the click) */
  zotero?: { sentBefore: number; onSend(onlyUnsent: boolean): Promise<ZoteroReport> };
}

export function BulkBar({ count, onAction, onClear, zotero }: BulkBarProps) {
  const [tag, setTag] = useState('');
  const what = count === 1 ? 'the selected paper' : `the ${formatCount(count)} selected papers`;
  const applyTag = (e: Event) => {
    e.preventDefault();
    const t = tag.trim();
    if (!t) return;
    onAction({ kind: 'tag', tag: t });
    setTag('');
  };
  return (
    <div class="bulk" role="group" aria-label="Bulk actions">
      <form class="bulk-tag" onSubmit={applyTag}>
        <input
          type="text"
          class="bulk-input"
          aria-label={`Tag to add to ${what}`}
          placeholder="Add tag…"
          autocomplete="off"
          spellcheck={false}
          maxLength={64}
          value={tag}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          Apply
        </button>
      </form>
      <select
        aria-label={`Set status of ${what}`}
        value=""
        onChange={(e) => {
          const status = e.currentTarget.value as Status | '';
          e.currentTarget.value = '';
          if (status) onAction({ kind: 'status', status });
        }}
      >
        <option value="">Set status…</option>
        <StatusOptions />
      </select>
      {zotero && <SendToZotero count={count} sentBefore={zotero.sentBefore} onSend={zotero.onSend} what={what} />}
      <button type="button" class="button danger" aria-label={`Remove ${what}`} onClick={() => onAction({ kind: 'remove' })}>
        Remove
      </button>
      <button type="button" class="button" aria-label="Clear selection" title="Clear selection" onClick={onClear}>
        <svg aria-hidden="true" focusable="false" width="12" height="12" viewBox="0 0 12 12" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
          <path d="M2.5 2.5l7 7M9.5 2.5l-7 7" />
        </svg>
      </button>
    </div>
  );
}
