/**
 * Toolbar CSS. page.css is not here: it is the content scripts' own CSS file (imported by each
 * entrypoint, listed in the manifest), styling the hosts and the skeleton's parts from the page.
 * A shadow root that adopts a sheet costs the browser style work even in a card it does not
 * render: on a 1,000-card feed, ~20 ms of a ~160 ms scan (npm run bench). So only the toolbars
 * someone uses (or that show a saved paper) adopt toolbar.css, imported `?inline` (the build
 * minifies it into the content script as a string): scoped by the shadow root, adopted when the
 * toolbar's view attaches. The note panel, its preview and errors take whole lines under the
 * buttons.
 */
import TOOLBAR_CSS from './toolbar.css?inline';

export { TOOLBAR_CSS };
