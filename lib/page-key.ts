/**
 * Where the background keeps the ids of the papers a tab's page shows (lib/page-papers.ts): one
 * storage.session key per tab, read by the list's "On this page" (lib/list/active-page.ts). A
 * module of its own so the list pages do not load the background's side.
 */
export const PAGE_KEY_PREFIX = 'page:';

/** The storage.session key of a tab's page ids (string[]). */
export const pageKey = (tabId: number): string => `${PAGE_KEY_PREFIX}${tabId}`;
