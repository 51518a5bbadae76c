/**
 * Mounted toolbars of one page: one shadow-root host per card, each a ToolbarView fed from the
 * shared state (saved papers by id). Talks to the background only through typed messages.
 */
import { ToolbarView } from '@/components/toolbar/ToolbarView';
import { TOOLBAR_CSS } from '@/components/toolbar/styles';
import type { PaperDraft, Status, UserPatch } from '../paper';
import type { ChangedMessage, PaperState, Result } from '../messages';
import { HOST_TAG, type CardHandle } from './scanner';

/** How the toolbar reaches the background (messages in the page, a fake in unit tests). */
export interface Backend {
  lookup(drafts: PaperDraft[]): Promise<Result<{ papers: Record<string, PaperState> }>>;
  save(draft: PaperDraft, patch?: UserPatch): Promise<Result<{ paper: PaperState }>>;
  patch(id: string, patch: UserPatch): Promise<Result<{ paper: PaperState }>>;
  remove(id: string): Promise<Result<{ removed: boolean }>>;
  tags(): Promise<Result<{ tags: string[] }>>;
}

const DOUBLE_CLICK_MS = 600;

interface Mounted {
  host: HTMLElement;
  root: HTMLElement;
  draft: PaperDraft;
  uid: string;
  view: ToolbarView | null;
}

interface PaperUi {
  busy: boolean;
  error: string | null;
  noteDraft: string | null;
}

export class Toolbars {
  private readonly states = new Map<string, PaperState | null>();
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
  ) {
    this.theme = detectTheme(doc);
    void this.refreshTags();
  }

  private sheet: CSSStyleSheet | null | undefined;

  /** One parsed stylesheet shared by every shadow root (a <style> each where unsupported). */
  private styleInto(shadow: ShadowRoot): void {
    if (this.sheet === undefined) {
      try {
        const View = this.doc.defaultView as (Window & { CSSStyleSheet: typeof CSSStyleSheet }) | null;
        const sheet = View ? new View.CSSStyleSheet() : null;
        sheet?.replaceSync(TOOLBAR_CSS);
        this.sheet = sheet && 'adoptedStyleSheets' in shadow ? sheet : null;
      } catch {
        this.sheet = null;
      }
    }
    if (this.sheet) {
      try {
        shadow.adoptedStyleSheets = [this.sheet];
        return;
      } catch {
        this.sheet = null;
      }
    }
    const style = this.doc.createElement('style');
    style.textContent = TOOLBAR_CSS;
    shadow.append(style);
  }

  /**
   * Build the host element, shadow root and toolbar of one card, detached from the page: the
   * scanner builds many, then places them in one go, so the page is laid out once, not per chunk.
   */
  create({ draft }: CardHandle): HTMLElement {
    const host = this.doc.createElement(HOST_TAG);
    host.setAttribute('data-papershelf-id', draft.id);
    host.setAttribute('data-theme', this.theme);
    const shadow = host.attachShadow({ mode: 'open' });
    const root = this.doc.createElement('div');
    this.styleInto(shadow);
    shadow.append(root);
    // Keys typed and clicks made in the toolbar are ours, not the page's shortcuts or card links.
    for (const type of ['keydown', 'keyup', 'keypress', 'click']) host.addEventListener(type, (e) => e.stopPropagation());
    const m: Mounted = { host, root, draft, uid: String(++this.seq), view: null };
    this.byHost.set(host, m);
    let set = this.mounts.get(draft.id);
    if (!set) this.mounts.set(draft.id, (set = new Set()));
    set.add(m);
    this.renderOne(m);
    return host;
  }

  /** Put a created host where the adapter says. */
  place({ anchor }: CardHandle, host: Element): void {
    const el = anchor.element;
    // A page that cloned a card copies our host without its shadow root: drop such dead copies.
    for (const stray of el.querySelectorAll(HOST_TAG)) if (!this.byHost.has(stray)) stray.remove();
    if (anchor.position === 'append') el.append(host);
    else if (anchor.position === 'prepend') el.prepend(host);
    else if (anchor.position === 'after') el.after(host);
    else el.before(host);
  }

  unmount({ draft }: CardHandle, host: Element): void {
    const set = this.mounts.get(draft.id);
    if (set) {
      for (const m of set) {
        if (m.host === host) {
          m.view = null;
          set.delete(m);
        }
      }
      if (set.size === 0) this.mounts.delete(draft.id);
    }
    host.remove();
  }

  /** The paper a toolbar host shows. */
  draftOf(host: Element): PaperDraft | null {
    return this.byHost.get(host)?.draft ?? null;
  }

  /** Keyboard: save / unsave the paper of this toolbar. */
  toggleSave(host: Element): void {
    const m = this.byHost.get(host);
    if (!m) return;
    // A double-click is one save, not a save and a remove.
    const now = Date.now();
    if (now - (this.lastToggle.get(m.draft.id) ?? 0) < DOUBLE_CLICK_MS) return;
    this.lastToggle.set(m.draft.id, now);
    const state = this.states.get(m.draft.id);
    void (state ? this.run(m.draft, () => this.backend.remove(m.draft.id), true) : this.write(m.draft));
  }

  /** Keyboard: unread -> reading -> read -> unread (an unsaved paper is saved as reading). */
  cycleStatus(host: Element): void {
    const m = this.byHost.get(host);
    if (!m) return;
    const cur = this.states.get(m.draft.id);
    const next: Status = !cur ? 'reading' : cur.status === 'unread' ? 'reading' : cur.status === 'reading' ? 'read' : 'unread';
    void this.write(m.draft, { status: next });
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
        const note = this.doc.createElement('p');
        note.className = 'stale';
        note.setAttribute('role', 'status');
        note.textContent = 'PaperShelf was updated. Reload the page to use it here.';
        m.root.replaceChildren(note);
      }
    }
  }

  /** Number of live toolbars (for leak checks). */
  get mountedCount(): number {
    let n = 0;
    for (const s of this.mounts.values()) n += s.size;
    return n;
  }

  /** One batched lookup for the cards mounted in a chunk. */
  async lookup(drafts: PaperDraft[]): Promise<void> {
    const res = await this.backend.lookup(drafts).catch((e: unknown) => fail(e));
    if (!res.ok) {
      for (const d of drafts) this.setUi(d.id, { error: `PaperShelf could not check this paper: ${res.error.message}` });
      return;
    }
    for (const d of drafts) this.states.set(d.id, res.papers[d.id] ?? null);
    for (const d of drafts) this.renderId(d.id);
  }

  /** The background says these papers changed (saved, edited or removed elsewhere). */
  applyChanged(msg: ChangedMessage): void {
    for (const [id, state] of Object.entries(msg.papers)) {
      if (!this.mounts.has(id)) continue;
      this.states.set(id, state);
      const ui = this.ui.get(id);
      if (ui && state && ui.noteDraft === state.note) ui.noteDraft = null;
      this.renderId(id);
    }
    // Any change may add or drop a tag somewhere: refresh the suggestions (read on focus).
    void this.refreshTags();
  }

  private async refreshTags(): Promise<void> {
    const res = await this.backend.tags().catch((e: unknown) => fail(e));
    if (res.ok) this.knownTags = res.tags;
  }

  private setUi(id: string, patch: Partial<PaperUi>): void {
    const cur = this.ui.get(id) ?? { busy: false, error: null, noteDraft: null };
    this.ui.set(id, { ...cur, ...patch });
    this.renderId(id);
  }

  private renderId(id: string): void {
    const set = this.mounts.get(id);
    if (set) for (const m of set) this.renderOne(m);
  }

  private renderOne(m: Mounted): void {
    if (this.invalidated) return;
    const id = m.draft.id;
    const state = this.states.get(id) ?? null;
    const ui = this.ui.get(id) ?? { busy: false, error: null, noteDraft: null };
    m.host.setAttribute('data-papershelf-state', state ? 'saved' : 'unsaved');
    m.view ??= new ToolbarView(
      this.doc,
      m.root,
      {
        onToggleSave: () => this.toggleSave(m.host),
        onAddTag: (tag: string) => void this.write(m.draft, { addTags: [tag] }),
        onRemoveTag: (tag: string) => void this.write(m.draft, { removeTags: [tag] }),
        onStatus: (status: Status) => void this.write(m.draft, { status }),
        onNoteDraft: (text: string) => {
          const cur = this.ui.get(id) ?? { busy: false, error: null, noteDraft: null };
          this.ui.set(id, { ...cur, noteDraft: text });
          this.renderId(id);
        },
        onSaveNote: (text: string) => void this.write(m.draft, { note: text }),
        onDismissError: () => this.setUi(id, { error: null }),
        knownTags: () => this.knownTags,
      },
      m.uid,
    );
    m.view.update({
      title: m.draft.title,
      saved: !!state,
      tags: state?.tags ?? [],
      note: state?.note ?? '',
      status: state?.status ?? 'unread',
      busy: ui.busy,
      error: ui.error,
      noteDraft: ui.noteDraft,
    });
  }

  /** Save (or patch) a paper; an unsaved paper is saved together with the patch. */
  private write(draft: PaperDraft, patch?: UserPatch): Promise<void> {
    const saved = !!this.states.get(draft.id);
    return this.run(draft, () => (saved && patch ? this.backend.patch(draft.id, patch) : this.backend.save(draft, patch)), false, patch);
  }

  private async run(
    draft: PaperDraft,
    call: () => Promise<Result<{ paper: PaperState } | { removed: boolean }>>,
    removing: boolean,
    patch?: UserPatch,
  ): Promise<void> {
    const id = draft.id;
    this.setUi(id, { busy: true, error: null });
    const res = await call().catch((e: unknown) => fail(e));
    if (!res.ok && res.error.code === 'not-found' && patch) {
      // Removed elsewhere meanwhile: saving again with the patch keeps what the user did.
      return this.run(draft, () => this.backend.save(draft, patch), false);
    }
    if (!res.ok) {
      const what = removing ? 'remove' : 'save';
      this.setUi(id, { busy: false, error: `Could not ${what}: ${res.error.message}` });
      return;
    }
    if ('paper' in res) {
      this.states.set(id, res.paper);
      const ui = this.ui.get(id);
      const noteDraft = ui?.noteDraft != null && ui.noteDraft !== res.paper.note ? ui.noteDraft : null;
      this.setUi(id, { busy: false, noteDraft });
    } else {
      this.states.set(id, null);
      this.setUi(id, { busy: false });
    }
  }
}

function fail(e: unknown): { ok: false; error: { code: 'internal'; message: string } } {
  const message = e instanceof Error ? e.message : String(e);
  const hint = /context invalidated|Receiving end does not exist/i.test(message) ? 'PaperShelf was updated; reload the page.' : message;
  return { ok: false, error: { code: 'internal', message: hint } };
}

function detectTheme(doc: Document): 'light' | 'dark' {
  const cls = doc.documentElement.classList;
  if (cls.contains('dark')) return 'dark';
  if (cls.contains('light')) return 'light';
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
