/**
 * The element each toolbar lives in (one custom-named host per card, holding its shadow root):
 * the scanner ignores the page mutations these hosts cause, the toolbars create and find them,
 * the feed keys move between them.
 */

export const HOST_TAG = 'papershelf-toolbar';
/** HOST_TAG as Node.nodeName gives it */
export const HOST_NAME = HOST_TAG.toUpperCase();
/** the line a run of hidden read cards leaves in their place (lib/content/read-cards) */
export const HIDDEN_TAG = 'papershelf-hidden';
