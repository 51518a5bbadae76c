/**
 * One paper in full, in place of the list: title, every author, venue and date, its ids, the
 * abstract, its links and the sites it was seen on, the feed signals kept, its tags and note
 * (editable) and its status. Everything stored is shown as text. Escape, or ← outside a field,
 * goes back to the list. Props in, callbacks out.
 */
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ZoteroReport } from '@/lib/exchange/zotero-ask';
import type { SavedPaper, Status } from '@/lib/paper';
import { StatusOptions } from '../StatusOptions';
import { formatDay, paperHref } from '../PaperRow';
import { allAuthors, detailLinks, paperIds, signalsList, whenLine } from './fields';
import { NoteEditor } from './NoteEditor';
import { TagEditor } from './TagEditor';
import { isEditable } from '../list/useListKeys';
import { SendToZotero } from '../zotero/SendToZotero';

export interface PaperDetailsProps {
  paper: SavedPaper;
  /** every tag in use, suggested in "Add tag" */
  tags: readonly string[];
  /** changes when the controls must show their stored values again (a failed edit) */
  epoch?: number;
  onBack(): void;
  onStatus(status: Status): void;
  onNote(note: string): void;
  onAddTag(tag: string): void;
  onRemoveTag(tag: string): void;
  /** sends the paper to Zotero (called from the click itself); absent: no "Send to Zotero" */
  onSendToZotero?(): Promise<ZoteroReport>;
}

/** "as of May 3, 2026" for a time the signals were read. */
function seenOn(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return ` (as of ${formatDay(ms)})`;
}

/** The Back bar: always on top while the rest scrolls. */
function DetailsBar({ onBack, backRef }: { onBack(): void; backRef?: RefObject<HTMLButtonElement | null> }) {
  return (
    <div class="details-bar">
      <button type="button" class="link-button back" ref={backRef} onClick={onBack}>
        <span aria-hidden="true">← </span>Back to list
      </button>
    </div>
  );
}

/** Shown when the open paper left the shelf (removed here, on a card or in another window). */
export function GoneDetails({ onBack }: { onBack(): void }) {
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), []);
  return (
    <section class="details" aria-label="Paper details">
      <DetailsBar onBack={onBack} backRef={back} />
      <p class="empty">This paper is no longer on your shelf.</p>
    </section>
  );
}

export function PaperDetails({ paper, tags, epoch, onBack, onStatus, onNote, onAddTag, onRemoveTag, onSendToZotero }: PaperDetailsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a paper puts focus on its title, so a screen reader says which one is open.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [paper.id]);

  const href = paperHref(paper);
  const authors = allAuthors(paper);
  const when = whenLine(paper);
  const facts = [
    ...paperIds(paper),
    ...(paper.subjects?.length ? [{ label: 'Subjects', value: paper.subjects.join(', ') }] : []),
    ...(paper.comments ? [{ label: 'Comments', value: paper.comments }] : []),
  ];
  const links = detailLinks(paper);
  const signals = signalsList(paper.signals);

  return (
    <section
      class="details"
      aria-labelledby="details-title"
      onKeyDown={(e) => {
        if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'Escape' || (e.key === 'ArrowLeft' && !isEditable(e.target))) {
          e.preventDefault();
          onBack();
        }
      }}
    >
      <DetailsBar onBack={onBack} />
      <div class="details-body">
        <h2 id="details-title" class="details-title" tabIndex={-1} ref={heading}>
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {paper.title}
            </a>
          ) : (
            paper.title
          )}
        </h2>
        {authors && <p class="details-authors">{authors}</p>}
        {when && <p class="details-when">{when}</p>}
        <div class="details-status">
          <label for="details-status">Status</label>
          <select
            id="details-status"
            key={epoch}
            class={`status status-${paper.status}`}
            value={paper.status}
            onChange={(e) => onStatus(e.currentTarget.value as Status)}
          >
            <StatusOptions />
          </select>
        </div>
        {facts.length > 0 && (
          <dl class="details-facts">
            {facts.map((f) => (
              <div key={`${f.label}:${f.value}`}>
                <dt>{f.label}</dt>
                <dd>{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        <h3 class="section-label">Abstract</h3>
        {paper.abstract ? <p class="abstract">{paper.abstract}</p> : <p class="hint">No abstract saved.</p>}
        {links.length > 0 && (
          <>
            <h3 class="section-label">Links</h3>
            <ul class="details-links">
              {links.map((l) => (
                <li key={`${l.label} ${l.href}`}>
                  <a href={l.href} target="_blank" rel="noopener noreferrer">
                    {l.label}
                  </a>
                  {l.note && <span class="link-note">{` ${l.note}`}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {signals.length > 0 && (
          <>
            <h3 class="section-label">Signals</h3>
            <p class="details-signals">{`${signals.join(' · ')}${seenOn(paper.signalsSeenAt)}`}</p>
          </>
        )}
        <TagEditor tags={paper.tags} suggestions={tags} onAdd={onAddTag} onRemove={onRemoveTag} />
        <NoteEditor key={paper.id} note={paper.note} onSave={onNote} />
        {onSendToZotero && (
          <SendToZotero key={paper.id} count={1} sentBefore={paper.zoteroSentAt === undefined ? 0 : 1} sentAt={paper.zoteroSentAt} onSend={() => onSendToZotero()} />
        )}
      </div>
    </section>
  );
}
