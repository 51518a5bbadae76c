/** OpenReview URLs: the page kinds and the forum id a URL names (adapter and metadata share them). */

const HOST = 'openreview.net';
/** Note ids: 7-14 characters of [0-9A-Za-z_-] today; the 2017-2019 ones end in '-' or '_' at times. */
const NOTE_ID = /^[\w-]{5,24}$/;

export type OpenReviewKind = 'group' | 'paper';

/** The note id a forum, pdf or attachment link names (`/forum?id=X`, `/pdf?id=X`), or null. */
export function forumIdOf(url: URL): string | null {
  if (url.hostname !== HOST || !/^\/(?:forum|pdf|attachment)\/?$/.test(url.pathname)) return null;
  const found = url.searchParams.get('id')?.trim() ?? '';
  return NOTE_ID.test(found) ? found : null;
}

/** What an OpenReview URL is: a group page (`/group?id=ICLR.cc/2018/Conference`), a forum, or null. */
export function kindOf(url: URL): OpenReviewKind | null {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname !== HOST) return null;
  if (/^\/group\/?$/.test(url.pathname)) return url.searchParams.get('id')?.trim() ? 'group' : null;
  if (/^\/forum\/?$/.test(url.pathname)) return forumIdOf(url) ? 'paper' : null;
  return null;
}

/**
 * A group's name as OpenReview prints it (its prettyId): `ICLR.cc/2018/Conference` -> "ICLR 2018
 * Conference", `NeurIPS.cc/2023/Track/Datasets_and_Benchmarks` -> "NeurIPS 2023 Track Datasets and
 * Benchmarks": what follows a dot in a part goes, underscores become spaces.
 */
export function groupName(groupId: string): string {
  return groupId
    .split('/')
    .map((part) => part.replace(/^\./, '').replace(/\..+$/, '').replace(/_/g, ' ').trim())
    .filter(Boolean)
    .join(' ');
}

/** A paper's forum page, the canonical form (no referrer or other parameters). */
export const forumUrl = (forumId: string): string => `https://${HOST}/forum?id=${encodeURIComponent(forumId)}`;
