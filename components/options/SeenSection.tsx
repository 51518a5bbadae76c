/**
 * Options page, Seen history: whether PaperShelf records the papers the user scrolls past on the
 * feeds, how many days a seen paper is kept, "Clear seen history" (asks first, says what it
 * did), and what a feed card of a paper marked read does (dimmed, hidden or left as it is).
 * Props in, callbacks out.
 */
import { useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { ReadCards, Settings } from '@/lib/settings';
import { ConfirmAction } from './ConfirmAction';

/** The retention field's bounds (lib/settings parseSettings accepts the same). */
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

export interface SeenSectionProps {
  /** null while loading */
  settings: Settings | null;
  /** seen papers stored now; null while counting (or when it could not be read) */
  count: number | null;
  onHistory(on: boolean): void;
  onRetention(days: number): void;
  onReadCards(choice: ReadCards): void;
  /** delete the whole history (after the user confirmed); resolves with how many records went */
  onClear(): Promise<number>;
}

const READ_CHOICES: ReadonlyArray<readonly [ReadCards, string]> = [
  ['dim', 'Dim them'],
  ['hide', 'Hide them (a line on the card shows it again)'],
  ['show', 'Leave them as they are'],
];

const seenPapers = (n: number) => `${n.toLocaleString('en-US')} seen ${n === 1 ? 'paper' : 'papers'}`;

export function SeenSection({ settings, count, onHistory, onRetention, onReadCards, onClear }: SeenSectionProps) {
  const loading = settings === null;
  // The field as typed; stored once it is a whole number in range (on change: Enter or leaving it).
  const [days, setDays] = useState<string | null>(null);
  const [daysError, setDaysError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const shownDays = days ?? (loading ? '' : String(settings.seenRetentionDays));

  const commitDays = (raw: string) => {
    const n = Number(raw.trim());
    if (raw.trim() === '' || !Number.isInteger(n) || n < MIN_RETENTION_DAYS || n > MAX_RETENTION_DAYS) {
      setDaysError(`Enter a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}.`);
      return;
    }
    setDaysError(null);
    setDays(null);
    onRetention(n);
  };

  const clear = () => {
    onClear().then(
      (n) => setOutcome(n === 0 ? 'The seen history was already empty.' : `Cleared the seen history: ${seenPapers(n)} deleted. Saved papers were not touched.`),
      (err: unknown) => setOutcome(`Could not clear the seen history: ${errorMessage(err)}`),
    );
  };

  return (
    <section class="card" aria-labelledby="seen-heading">
      <h2 id="seen-heading">Seen history</h2>
      <p>
        PaperShelf can remember the papers you scroll past on the supported feeds (title, authors, the page and site, when first and last seen), so the
        reading list’s Seen view finds one you did not save. It stays in this browser; nothing is sent anywhere.
      </p>
      <fieldset>
        <legend>Recording</legend>
        <ul class="checks">
          <li>
            <label>
              <input type="checkbox" checked={!loading && settings.seenHistory} disabled={loading} aria-describedby="seen-record-hint" onChange={(e) => onHistory(e.currentTarget.checked)} />{' '}
              Record the papers I scroll past
            </label>
            <p id="seen-record-hint" class="hint">
              Off: nothing new is recorded; what is recorded stays until it is old enough or you clear it.
            </p>
          </li>
        </ul>
        <p class="retention">
          <label for="seen-retention">Keep seen papers for</label>{' '}
          <input
            id="seen-retention"
            type="number"
            inputMode="numeric"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            step={1}
            value={shownDays}
            disabled={loading}
            aria-describedby="seen-retention-hint"
            aria-invalid={daysError ? true : undefined}
            onInput={(e) => setDays(e.currentTarget.value)}
            onChange={(e) => commitDays(e.currentTarget.value)}
          />{' '}
          days
        </p>
        <p id="seen-retention-hint" class="hint">
          {daysError ?? 'A paper not seen again for this long leaves the history. Saved papers stay on your shelf whatever the history does.'}
        </p>
      </fieldset>
      <ConfirmAction
        label={count === null ? 'Clear seen history…' : `Clear seen history (${seenPapers(count)})…`}
        disabled={!count}
        question={`Delete ${count === null ? 'the seen history' : `all ${seenPapers(count)}`} from the history? Saved papers, their tags and notes are not touched.`}
        confirmLabel="Clear history"
        onAsk={() => setOutcome(null)}
        onConfirm={clear}
      />
      <p class="outcome" role="status">
        {outcome ?? ''}
      </p>
      <fieldset>
        <legend>Papers marked read, on the feeds</legend>
        <ul class="checks">
          {READ_CHOICES.map(([value, label]) => (
            <li key={value}>
              <label>
                <input type="radio" name="read-cards" value={value} checked={!loading && settings.readCards === value} disabled={loading} onChange={() => onReadCards(value)} /> {label}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </section>
  );
}
