/**
 * The reading list beside the page: Chrome's side panel (manifest `side_panel`, the `sidePanel`
 * permission; `sidePanel.open`, Chrome 116+) or Firefox's sidebar (`sidebar_action`), both from
 * entrypoints/sidepanel. Both open only in answer to a user action: the popup's "Side panel"
 * button, or the `open-side-panel` command in Chrome (Firefox's own `_execute_sidebar_action`
 * command needs no code). Not `sidePanel.setPanelBehavior`: that would replace the popup.
 */

/** The manifest command (Chrome) that opens the side panel. */
export const OPEN_SIDE_PANEL = 'open-side-panel';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

const chromePanel = () => (browser as unknown as { sidePanel?: Partial<ChromeSidePanel> }).sidePanel;
const firefoxSidebar = () => (browser as unknown as { sidebarAction?: Partial<FirefoxSidebar> }).sidebarAction;

/** Whether this browser can show the list in a side panel. */
export function canOpenSidePanel(): boolean {
  return typeof chromePanel()?.open === 'function' || typeof firefoxSidebar()?.open === 'function';
}

/**
 * Open the side panel of a window. Call it straight from the user's action, with nothing awaited
 * before: the browser refuses it once the action is over.
 */
export function openSidePanel(windowId: number | undefined): Promise<void> {
  const chrome = chromePanel();
  if (typeof chrome?.open === 'function' && windowId !== undefined) return chrome.open({ windowId });
  const firefox = firefoxSidebar();
  if (typeof firefox?.open === 'function') return firefox.open();
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** Background: the `open-side-panel` command opens the side panel of the window it was pressed in. */
export function setupSidePanelCommand(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === OPEN_SIDE_PANEL) openSidePanel(tab?.windowId).catch(() => undefined);
  });
}
