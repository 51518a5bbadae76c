/**
 * Reading statuses, in the order the toolbar cycles them. A module of its own, free of zod, so
 * the content scripts can name them without carrying the schemas (lib/draft.ts re-exports them).
 */
export const STATUSES = ['unread', 'reading', 'read'] as const;
export type Status = (typeof STATUSES)[number];
