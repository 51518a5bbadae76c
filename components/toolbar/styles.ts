/**
 * Toolbar CSS (toolbar.css), scoped by the shadow root. :host resets inherited page styles. The
 * note panel, its preview and errors take whole lines under the buttons. Imported `?inline`: the
 * build minifies it into the content script as a string.
 */
import TOOLBAR_CSS from './toolbar.css?inline';

export { TOOLBAR_CSS };

/**
 * Added on pages that render every card, on screen or not: off-screen toolbars are then not laid
 * out or painted (their last height is kept), so a feed of thousands of cards costs about what the
 * cards themselves cost. Where the page already skips its off-screen cards (huggingface.co's
 * content-visibility), this would only double the elements the browser checks on every frame.
 */
export const OFFSCREEN_CSS = ':host { content-visibility: auto !important; contain-intrinsic-size: auto 0px !important; }';

