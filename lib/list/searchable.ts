/**
 * What the in-memory search index (lib/list/search-index) reads of a record: a saved paper is
 * one as it is; a paper of the seen history (lib/seen/list-seen) is mapped to one, with no tags,
 * no status and no abstract or note. Kept to the fields the index, its filters and its sort
 * orders read, so a list of something that is not a SavedPaper shares the index rather than
 * copying it.
 */
import type { Status } from '../paper';

export interface Searchable {
  id: string;
  title: string;
  authors: readonly string[];
  tags: readonly string[];
  /** the reading status; none for a record that is no saved paper (a `status:` filter leaves it out) */
  status?: Status | undefined;
  publishedAt?: string | undefined;
  /** where it was seen (the `site:` filter) */
  sources: readonly { site: string }[];
  /** the longer fields, searched as "abstract or note" (a seen record has neither) */
  abstract?: string | undefined;
  note?: string | undefined;
  /** the list's "newest first": when the paper was saved (for the seen history: when it was last seen) */
  savedAt: number;
  signals: { upvotes?: number | undefined };
}
