/** One row of the reading list, as the list renders it (PaperRow does the drawing). */
import { Component, type RefObject } from 'preact';
import type { SavedPaper, Status } from '@/lib/paper';
import { PaperRow } from '../PaperRow';
import type { RowPlacement } from './VirtualList';

/** Which part of a row keyboard focus goes to (the row itself, or a control marked data-control). */
export type RowControl = 'row' | 'status' | 'remove' | 'select' | 'details';

/** What a row asks of the list; ShelfRow reads these when called, so they are always current. */
export interface RowActions {
  activate(paper: SavedPaper): void;
  select(paper: SavedPaper, on: boolean, range: boolean): void;
  setStatus(paper: SavedPaper, status: Status): void;
  remove(paper: SavedPaper): void;
  details(paper: SavedPaper): void;
}

interface ShelfRowProps {
  paper: SavedPaper;
  place: RowPlacement;
  active: boolean;
  tabbable: boolean;
  selected: boolean;
  /** whether the row has a selection checkbox */
  selectable: boolean;
  actions: RefObject<RowActions | null>;
  epoch: number | undefined;
}

/**
 * One row of the list, rendered again only when something it shows changed. Typing on often
 * keeps the rows on screen (a longer word, the same best matches), and skipping their diff is
 * most of such a keystroke's rendering. Its callbacks take the list's handlers from `actions`
 * when called, so a row that skipped renders never calls stale ones.
 */
export class ShelfRow extends Component<ShelfRowProps> {
  override shouldComponentUpdate(next: ShelfRowProps): boolean {
    const a = this.props;
    return (
      a.paper !== next.paper ||
      a.active !== next.active ||
      a.tabbable !== next.tabbable ||
      a.selected !== next.selected ||
      a.selectable !== next.selectable ||
      a.actions !== next.actions ||
      a.epoch !== next.epoch ||
      a.place.index !== next.place.index ||
      a.place.setSize !== next.place.setSize ||
      a.place.top !== next.place.top ||
      a.place.height !== next.place.height
    );
  }

  override render({ paper, place, active, tabbable, selected, selectable, actions }: ShelfRowProps) {
    const act = () => actions.current!;
    return (
      <PaperRow
        paper={paper}
        place={place}
        active={active}
        tabbable={tabbable}
        onActivate={() => act().activate(paper)}
        selected={selected}
        onSelect={selectable ? (on, range) => act().select(paper, on, range) : undefined}
        onStatus={(status) => act().setStatus(paper, status)}
        onRemove={() => act().remove(paper)}
        onDetails={() => act().details(paper)}
      />
    );
  }
}
