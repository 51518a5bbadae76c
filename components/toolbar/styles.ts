/**
 * Toolbar CSS, scoped by the shadow root. :host resets inherited page styles. The note panel, its
 * preview and errors take whole lines under the buttons. (No comments in the CSS text: it ships
 * in every content script.)
 */
/**
 * Added on pages that render every card, on screen or not: off-screen toolbars are then not laid
 * out or painted (their last height is kept), so a feed of thousands of cards costs about what the
 * cards themselves cost. Where the page already skips its off-screen cards (huggingface.co's
 * content-visibility), this would only double the elements the browser checks on every frame.
 */
export const OFFSCREEN_CSS = ':host { content-visibility: auto !important; contain-intrinsic-size: auto 0px !important; }';

export const TOOLBAR_CSS = `
:host { all: initial !important; display: block !important; visibility: visible !important; position: static !important;
  contain: layout style; margin: 0 !important; padding: 0 !important; float: none !important;
  font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937;
  --bg: #f9fafb; --border: #e5e7eb; --accent: #2563eb; --accent-bg: #eff6ff; --muted: #6b7280;
  --chip: #eef2ff; --chip-text: #3730a3; --err-bg: #fef2f2; --err: #b91c1c; --field: #fff; }
:host([data-theme="dark"]) .bar { color: #e5e7eb; }
:host([data-theme="dark"]) { color: #e5e7eb; --bg: #111827; --border: #374151; --accent: #60a5fa;
  --accent-bg: #1e3a8a55; --muted: #9ca3af; --chip: #312e81; --chip-text: #e0e7ff; --err-bg: #450a0a;
  --err: #fca5a5; --field: #1f2937; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
.bar { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; max-width: 100%; vertical-align: top; margin-top: 10px; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f2937; text-align: left; letter-spacing: normal; text-transform: none; background: var(--bg); border: 1px solid var(--border); border-radius: 8px; padding: 4px 6px; }
.note, .notepreview, .error { flex: 1 0 100%; }
button, select, input, textarea { font: inherit; color: inherit; margin: 0; }
button, select { display: inline-flex; align-items: center; gap: 3px; height: 24px; padding: 0 8px; border: 1px solid var(--border);
  border-radius: 6px; background: var(--field); cursor: pointer; white-space: nowrap; }
button:hover:not(:disabled), select:hover:not(:disabled) { border-color: var(--accent); }
button:disabled { opacity: .6; cursor: default; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.save.saved { background: var(--accent-bg); border-color: var(--accent); color: var(--accent); font-weight: 600; }
.tags { display: contents; list-style: none; margin: 0; padding: 0; }
.tag { display: inline-flex; align-items: center; height: 22px; padding: 0 2px 0 8px; border-radius: 11px;
  background: var(--chip); color: var(--chip-text); font-size: 12px; max-width: 160px; }
.tag span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.untag { height: 18px; width: 18px; padding: 0; justify-content: center; border: 0; background: transparent; border-radius: 9px; color: inherit; }
.taginput { width: 84px; height: 24px; padding: 0 6px; border: 1px dashed var(--border); border-radius: 6px; background: var(--field); }
button.taginput { color: var(--muted); }
.notebtn.has { color: var(--accent); }
.dirty { color: #d97706; }
.note { margin-top: 2px; }
textarea { display: block; width: 100%; min-height: 60px; resize: vertical; padding: 6px; border: 1px solid var(--border);
  border-radius: 6px; background: var(--field); }
.noteactions { display: flex; gap: 6px; align-items: center; margin-top: 4px; }
.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
.hint { color: var(--muted); font-size: 12px; }
.notepreview { margin: 0 2px; min-width: 0; color: var(--muted); font-size: 12px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.stale { margin: 0; padding: 4px 8px; border: 1px dashed var(--border); border-radius: 8px; color: var(--muted); font-size: 12px; }
.error { display: flex; align-items: center; justify-content: space-between; gap: 6px; padding: 2px 6px;
  border-radius: 6px; background: var(--err-bg); color: var(--err); font-size: 12px; }
.error button { height: 18px; border: 0; background: transparent; color: inherit; }
`;
