/**
 * Toolbar CSS, imported `?inline` (the build minifies each into the content script as a string):
 * - page.css, adopted once by the page's document: the hosts (a reset of what they would inherit
 *   from the page, and the colours), and the skeleton's bar and Save button through their shadow
 *   parts. A shadow root that adopts a sheet costs the browser style work even in a card it does
 *   not render: on a 1,000-card feed, ~20 ms of a ~160 ms scan (npm run bench). Now only the
 *   toolbars someone uses (or that show a saved paper) pay it.
 * - toolbar.css, scoped by a shadow root: adopted by a toolbar when its view attaches. The note
 *   panel, its preview and errors take whole lines under the buttons.
 */
import PAGE_CSS from './page.css?inline';
import TOOLBAR_CSS from './toolbar.css?inline';

export { PAGE_CSS, TOOLBAR_CSS };

/**
 * Added on pages that render every card, on screen or not: off-screen toolbars are then not laid
 * out or painted (their last height is kept), so a feed of thousands of cards costs about what the
 * cards themselves cost. Where the page already skips its off-screen cards (huggingface.co's
 * content-visibility), this would only double the elements the browser checks on every frame.
 */
/* (a rule of the document's sheet, after page.css, as specific as its host rule: see there) */
export const OFFSCREEN_CSS = 'papershelf-toolbar:not(#_#_#_){content-visibility:auto!important;contain-intrinsic-size:auto 0px!important}';

