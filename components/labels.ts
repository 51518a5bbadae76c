import type { Status } from '@/lib/draft';

/** How each reading status is named in every view. */
export const STATUS_LABEL: Record<Status, string> = { unread: 'Unread', reading: 'Reading', read: 'Read' };
