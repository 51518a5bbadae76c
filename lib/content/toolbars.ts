/**
 * Mounted toolbars of one page: one shadow-root host per card, each a clone of the toolbar
 * skeleton, styled from the page by the content script's CSS (page.css, through its parts); a
 * ToolbarView, and toolbar.css in its shadow root, are attached only to toolbars that show more
 * than an unsaved paper or that the user acts on. One set of window listeners serves every
 * toolbar. Talks to the background only through typed messages.
 */
import { make } from '@/components/dom';
import { isSkeleton, mountToolbar, ToolbarView, type ToolbarProps } from '@/components/toolbar/ToolbarView';
import TOOLBAR_CSS from '@/components/toolbar/toolbar.css?inline';
import type { PaperDraft, Status, UserPatch } from '../paper';
import type { ChangedMessage, PaperState, Responses, Result } from '../messages';
import { errorMessage } from '../errors';
import type { ZoteroOutcome } from '../exchange/zotero-send';
import { HOST_NAME, HOST_TAG } from './hosts';
import type { CardHandle } from './scanner';

/** How the toolbar reaches the background (messages in the page, a fake in unit tests). */
export interface Backend {
  /** saved state by id; with drafts, saved papers also get their signals and this page as a source */
  lookup(req: { ids?: string[]; drafts?: PaperDraft[]; seenBefore?: number }): Promise<Result<Responses['lookup']>>;
  save(draft: PaperDraft, patch?: UserPatch): Promise<Result<{ paper: PaperState }>>;
  patch(id: string, patch: UserPatch): Promise<Result<{ paper: PaperState }>>;
  remove(id: string): Promise<Result<{ removed: boolean }>>;
  tags(): Promise<Result<{ tags: string[] }>>;
  /** the background sends these papers to Zotero (absent: the toolbar has no Zotero button) */
  sendToZotero?(ids: string[]): Promise<Result<ZoteroOutcome>>;
}

const DOUBLE_CLICK_MS = 600;
/** Events of a toolbar the page must not see (its shortcuts, its card links). */
const OURS_ONLY = ['keydown', 'keyup', 'keypress', 'click'] as const;

interface Mounted {
  host: HTMLElement;
  bar: HTMLElement;
  handle: CardHandle;
  view: ToolbarView | null;
}

interface PaperUi {
  busy: boolean;
  error: string | null;
  noteDraft: string | null;
}

const NO_UI: PaperUi = { busy: false, error: null, noteDraft: null };

export class Toolbars {
  private readonly states = new Map<string, PaperState | null>();
  /**
   * How many change notices each paper has had. An answer to this tab's own request travels apart
   * from the notices and may arrive after a newer one: a notice that came while the request was
   * out makes its answer stale (the notice of the request's own write follows, in order).
   */
  private readonly notices = new Map<string, number>();
  private readonly ui = new Map<string, PaperUi>();
  private readonly mounts = new Map<string, Set<Mounted>>();
  private readonly byHost = new WeakMap<Element, Mounted>();
  private readonly lastToggle = new Map<string, number>();
  private knownTags: string[] = [];
  private seq = 0;
  private invalidated = false;
  private readonly theme: 'light' | 'dark';

  constructor(
    private readonly doc: Document,
    private readonly backend: Backend,
    signal?: AbortSignal,
  ) {
    this.theme = detectTheme(doc);
    // One listener per event type for every toolbar: an event from inside a shadow root is seen
    // here with its host as target. The page never sees keys and clicks meant for a toolbar. Focus
    // or the pointer reaching a toolbar attaches its view, which adds "+ tag" and Note.
    const win = doc.defaultView;
    const onEvent = (e: Event) => this.onEvent(e);
    for (const type of [...OURS_ONLY, 'focusin', 'pointerover']) win?.addEventListener(type, onEvent, { capture: true, signal });
  }

  private onEvent(e: Event): void {
    // Browsers show the host as the target here; the path also names it where they do not.
    const path = e.composedPath();
    const host = path.find((n) => (n as Node).nodeName === HOST_NAME) as Element | undefined;
    const m = host && this.byHost.get(host);
    if (!m) return;
    if ((OURS_ONLY as readonly string[]).includes(e.type)) e.stopPropagation();
    const inner = path[0] as Element | undefined;
    if (this.invalidated || !inner || inner.nodeType !== 1) return;
    this.viewOf(m).handle(e, inner);
  }

  /** toolbar.css, for the shadow roots of toolbars with a view */
  private sheet: CSSStyleSheet | undefined;
  /** whether shadow roots get toolbar.css as a <style> (adopting throws) */
  private styleTag = false;

  /** A parsed stylesheet made with the page window's constructor (one from the content script's world may not adopt). */
  private makeSheet(css: string): CSSStyleSheet {
    const sheet = new (this.doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  }

  /**
   * Build the host element, shadow root and toolbar of one card, detached from the page: the
   * scanner builds many, then places them in one go, so the page is laid out once, not per chunk.
   * `skipOffscreen` marks the host for page.css's rule (the scanner decides: it reads the page).
   */
  create(handle: CardHandle, skipOffscreen: boolean): HTMLElement {
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute('data-papershelf-id', handle.id);
    if (this.theme === 'dark') host.setAttribute('data-theme', 'dark');
    if (skipOffscreen) host.setAttribute('data-papershelf-offscreen', '');
    const bar = mountToolbar(this.doc, host.attachShadow({ mode: 'open' }), handle.title);
    const m: Mounted = { host, bar, handle, view: null };
    this.byHost.set(host, m);
    let set = this.mounts.get(handle.id);
    if (!set) this.mounts.set(handle.id, (set = new Set()));
    set.add(m);
    this.renderOne(m);
    return host;
  }

  /** Put a created host where the adapter says. */
  place({ anchor }: CardHandle, host: Element): void {
    const el = anchor.element;
    // A page that cloned a card copies our host without its shadow root: drop such dead copies.
    if (el.querySelector(HOST_TAG)) for (const stray of el.querySelectorAll(HOST_TAG)) if (!this.byHost.has(stray)) stray.remove();
    if (anchor.position === 'append') el.append(host);
    else el.after(host);
  }

  unmount({ id }: CardHandle, host: Element): void {
    const m = this.byHost.get(host);
    const set = this.mounts.get(id);
    if (m && set?.delete(m)) {
      m.view = null;
      // The paper's state and unsent note stay: a re-rendered card shows them at once.
      if (set.size === 0) this.mounts.delete(id);
    }
    host.remove();
  }

  /** The toolbar hosts of a paper's cards. */
  hostsOf(id: string): Element[] {
    return [...(this.mounts.get(id) ?? [])].map((m) => m.host);
  }

  /** The card a toolbar host belongs to. */
  handleOf(host: Element): CardHandle | null {
    return this.byHost.get(host)?.handle ?? null;
  }

  /** Keyboard: focus the tag field / open the note of this toolbar. */
  focusTag(host: Element): void {
    const m = this.byHost.get(host);
    if (m && !this.invalidated) this.viewOf(m).focusTag();
  }

  openNote(host: Element): void {
    const m = this.byHost.get(host);
    if (m && !this.invalidated) this.viewOf(m).openNote();
  }

  /** Keyboard: save / unsave the paper of this toolbar. */
  toggleSave(host: Element): void {
    const m = this.byHost.get(host);
    if (!m) return;
    // A double-click is one save, not a save and a remove.
    const { id } = m.handle;
    const now = Date.now();
    if (now - (this.lastToggle.get(id) ?? 0) < DOUBLE_CLICK_MS) return;
    this.lastToggle.set(id, now);
    const state = this.states.get(id);
    void (state ? this.run(m.handle, () => this.backend.remove(id), true) : this.write(m.handle));
  }

  /** Keyboard: unread -> reading -> read -> unread (an unsaved paper is saved as reading). */
  cycleStatus(host: Element): void {
    const m = this.byHost.get(host);
    if (!m) return;
    const cur = this.states.get(m.handle.id);
    const next: Status = !cur ? 'reading' : cur.status === 'unread' ? 'reading' : cur.status === 'reading' ? 'read' : 'unread';
    void this.write(m.handle, { status: next });
  }

  /**
   * The extension was reloaded or updated under this page: this script can no longer reach the
   * background. Every toolbar says so instead of failing on the next click.
   */
  invalidate(): void {
    this.invalidated = true;
    for (const set of this.mounts.values()) {
      for (const m of set) {
        m.view = null;
        m.host.setAttribute('data-papershelf-state', 'stale');
        m.host.shadowRoot?.replaceChildren(make(this.doc, 'p', { class: 'stale', role: 'status' }, 'PaperShelf was updated. Reload the page to use it here.'));
        this.styleShadow(m.host);
      }
    }
  }

  /** The ids of the papers that have a toolbar on the page. */
  get ids(): string[] {
    return [...this.mounts.keys()];
  }

  /** Number of live toolbars (for leak checks). */
  get mountedCount(): number {
    let n = 0;
    for (const s of this.mounts.values()) n += s.size;
    return n;
  }

  /**
   * One batched lookup for the cards mounted in a batch: by id, so no card is read in full for
   * it. The saved ones are then read and sent back, so the shelf gets their current signals and
   * this page as a source.
   */
  async lookup(handles: CardHandle[]): Promise<void> {
    const asked = handles.map((h) => this.noticesOf(h.id));
    const res = await this.backend.lookup({ ids: handles.map((h) => h.id) }).catch((e: unknown) => fail(e));
    if (!res.ok) {
      for (const h of handles) this.setUi(h.id, { error: `PaperShelf could not check this paper: ${res.error.message}` });
      return;
    }
    handles.forEach((h, i) => {
      if (this.noticesOf(h.id) === asked[i]) this.states.set(h.id, res.papers[h.id] ?? null);
    });
    for (const h of handles) this.renderId(h.id);
    const seen = handles.filter((h) => res.papers[h.id]).flatMap((h) => h.draft() ?? []);
    if (seen.length) await this.backend.lookup({ drafts: seen }).catch(() => undefined);
  }

  /** The background says these papers changed (saved, edited or removed elsewhere). */
  applyChanged(msg: ChangedMessage): void {
    for (const [id, state] of Object.entries(msg.papers)) {
      if (!this.mounts.has(id)) continue;
      this.notices.set(id, this.noticesOf(id) + 1);
      this.states.set(id, state);
      const ui = this.ui.get(id);
      if (ui && state && ui.noteDraft === state.note) ui.noteDraft = null;
      this.renderId(id);
    }
    // Any change may add or drop a tag somewhere: refresh the suggestions (read on focus).
    void this.refreshTags();
  }

  private noticesOf(id: string): number {
    return this.notices.get(id) ?? 0;
  }

  private async refreshTags(): Promise<void> {
    const res = await this.backend.tags().catch((e: unknown) => fail(e));
    if (res.ok) this.knownTags = res.tags;
  }

  private setUi(id: string, patch: Partial<PaperUi>): void {
    this.ui.set(id, { ...(this.ui.get(id) ?? NO_UI), ...patch });
    this.renderId(id);
  }

  private renderId(id: string): void {
    const set = this.mounts.get(id);
    if (set) for (const m of set) this.renderOne(m);
  }

  /** The card's view, attached on first need (its skeleton stays as built until then). */
  private viewOf(m: Mounted): ToolbarView {
    if (m.view) return m.view;
    const { id } = m.handle;
    // The tag suggestions are first asked for with the page's first view, not while it loads.
    if (!this.seq) void this.refreshTags();
    this.styleShadow(m.host);
    return (m.view = new ToolbarView(
      this.doc,
      m.bar,
      {
        onToggleSave: () => this.toggleSave(m.host),
        onAddTag: (tag: string) => void this.write(m.handle, { addTags: [tag] }),
        onRemoveTag: (tag: string) => void this.write(m.handle, { removeTags: [tag] }),
        onStatus: (status: Status) => void this.write(m.handle, { status }),
        onNoteDraft: (text: string) => this.setUi(id, { noteDraft: text }),
        onSaveNote: (text: string) => void this.write(m.handle, { note: text }),
        onDismissError: () => this.setUi(id, { error: null }),
        knownTags: () => this.knownTags,
        ...(this.backend.sendToZotero ? { onSendToZotero: () => void this.sendToZotero(id) } : {}),
      },
      String(++this.seq),
    ));
  }

  /**
   * A toolbar that shows more than the skeleton gets toolbar.css in its shadow root: adopted, or
   * as a <style> where a content script cannot set adoptedStyleSheets (Firefox before 153 throws
   * "Accessing from Xray wrapper is not supported"; found out once, on the first toolbar).
   */
  private styleShadow(host: Element): void {
    const shadow = host.shadowRoot;
    if (shadow && !this.styleTag)
      try {
        shadow.adoptedStyleSheets = [(this.sheet ??= this.makeSheet(TOOLBAR_CSS))];
      } catch {
        this.styleTag = true;
      }
    if (this.styleTag) shadow?.prepend(make(this.doc, 'style', {}, TOOLBAR_CSS));
  }

  private renderOne(m: Mounted): void {
    if (this.invalidated) return;
    const id = m.handle.id;
    const state = this.states.get(id) ?? null;
    const saved = state ? 'saved' : 'unsaved';
    if (m.host.getAttribute('data-papershelf-state') !== saved) m.host.setAttribute('data-papershelf-state', saved);
    // An unsaved paper nobody touched: the skeleton already shows it (every new toolbar of a feed
    // until its lookup answers: no props are built for it).
    if (!m.view && !state && !this.ui.has(id)) return;
    const ui = this.ui.get(id) ?? NO_UI;
    const p: ToolbarProps = {
      saved: !!state,
      tags: state?.tags ?? [],
      note: state?.note ?? '',
      status: state?.status ?? 'unread',
      busy: ui.busy,
      error: ui.error,
      noteDraft: ui.noteDraft,
      ...(state?.zoteroSentAt !== undefined ? { zoteroSentAt: state.zoteroSentAt } : {}),
    };
    // Touched, but showing what the skeleton shows (an error dismissed, a note draft dropped).
    if (!m.view && isSkeleton(p)) return;
    this.viewOf(m).update(p);
  }

  /** Send a saved paper to Zotero (the background does it); a problem shows on the card. */
  private async sendToZotero(id: string): Promise<void> {
    this.setUi(id, { busy: true, error: null });
    const res = await this.backend.sendToZotero!([id]).catch((e: unknown) => fail(e));
    this.setUi(id, { busy: false, error: !res.ok ? `Not sent to Zotero: ${res.error.message}` : res.problem ? `${res.problem.message} Nothing was changed.` : null });
  }

  /** Save (or patch) a paper; an unsaved paper is saved together with the patch. */
  private write(h: CardHandle, patch?: UserPatch): Promise<void> {
    if (this.states.get(h.id) && patch) return this.run(h, () => this.backend.patch(h.id, patch), false, patch);
    return this.run(h, () => this.saveCard(h, patch), false, patch);
  }

  /** Read the whole card now and save it (a card that cannot be read says so). */
  private async saveCard(h: CardHandle, patch?: UserPatch): Promise<Result<{ paper: PaperState }>> {
    const draft = h.draft();
    if (!draft) return { ok: false, error: { code: 'invalid', message: 'this card could not be read. Reload the page and try again.' } };
    return this.backend.save(draft, patch);
  }

  private async run(
    h: CardHandle,
    call: () => Promise<Result<{ paper: PaperState } | { removed: boolean }>>,
    removing: boolean,
    patch?: UserPatch,
  ): Promise<void> {
    const id = h.id;
    this.setUi(id, { busy: true, error: null });
    const asked = this.noticesOf(id);
    const res = await call().catch((e: unknown) => fail(e));
    if (!res.ok && res.error.code === 'not-found' && patch) {
      // Removed elsewhere meanwhile: saving again with the patch keeps what the user did.
      return this.run(h, () => this.saveCard(h, patch), false);
    }
    if (!res.ok) {
      const what = removing ? 'remove' : 'save';
      this.setUi(id, { busy: false, error: `Could not ${what}: ${res.error.message}` });
      return;
    }
    if (this.noticesOf(id) === asked) this.states.set(id, 'paper' in res ? res.paper : null);
    const ui = this.ui.get(id);
    const note = this.states.get(id)?.note;
    this.setUi(id, { busy: false, noteDraft: ui?.noteDraft != null && ui.noteDraft !== note ? ui.noteDraft : null });
  }
}

function fail(e: unknown): { ok: false; error: { code: 'internal'; message: string } } {
  const message = errorMessage(e);
  const hint = /context invalidated|Receiving end does not exist/i.test(message) ? 'PaperShelf was updated; reload the page.' : message;
  return { ok: false, error: { code: 'internal', message: hint } };
}

function detectTheme(doc: Document): 'light' | 'dark' {
  const cls = doc.documentElement.classList;
  if (cls.contains('dark')) return 'dark';
  if (cls.contains('light')) return 'light';
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
