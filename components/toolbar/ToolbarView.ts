/**
 * The toolbar shown on each paper card, inside a shadow root. Plain DOM rather than Preact: a
 * feed can have thousands of cards, so each card gets a clone of one prebuilt skeleton (the Save
 * button of an unsaved paper) and nothing else. A ToolbarView is attached to a card's skeleton
 * when its paper differs from that (saved, tagged, noted, busy, failed), when the pointer or focus
 * reaches the toolbar, or when the user acts on it: it adds "+ tag" and Note, and the
 * tag field, status, tag chips, note panel, preview and error on first need (a text field per card
 * would make Chrome's form scanning walk thousands of inputs on every change of the page).
 * Events reach the view through one delegating listener (lib/content/toolbars.ts), not one set
 * per card. Props in (update), callbacks out; no browser.* and no database. Page text is only
 * ever set with textContent / attributes, never parsed as HTML.
 */
import { STATUSES, type Status } from '@/lib/status';
import { make, type Attrs } from '../dom';
import { STATUS_LABEL } from '../labels';

export interface ToolbarProps {
  saved: boolean;
  tags: readonly string[];
  note: string;
  status: Status;
  /** a save/patch is in flight */
  busy: boolean;
  /** the last failure, shown on the card */
  error: string | null;
  /** unsent note text kept across re-renders and closing the note */
  noteDraft: string | null;
  /** when the paper was last sent to Zotero */
  zoteroSentAt?: number;
}

/** What the skeleton shows: an unsaved paper. */
const INITIAL_PROPS: ToolbarProps = { saved: false, tags: [], note: '', status: 'unread', busy: false, error: null, noteDraft: null };

/** Whether a toolbar showing `p` looks exactly like the skeleton (no view needed yet). */
export function isSkeleton(p: ToolbarProps): boolean {
  const i = INITIAL_PROPS;
  return p.saved === i.saved && p.tags.length === 0 && p.note === i.note && p.status === i.status && p.busy === i.busy && p.error === i.error && p.noteDraft === i.noteDraft;
}

export interface ToolbarCallbacks {
  onToggleSave(): void;
  onAddTag(tag: string): void;
  onRemoveTag(tag: string): void;
  onStatus(status: Status): void;
  onNoteDraft(text: string): void;
  onSaveNote(text: string): void;
  onDismissError(): void;
  /** tags the user already has, for autocomplete (read when the tag field gets focus) */
  knownTags(): readonly string[];
  /** send the saved paper to Zotero; absent: no Zotero button */
  onSendToZotero?(): void;
}


const skeletons = new WeakMap<Document, HTMLElement>();

/** The toolbar of an unsaved paper nobody has pointed at yet, built once per document (cloned per card). */
function skeleton(doc: Document): HTMLElement {
  let bar = skeletons.get(doc);
  if (bar) return bar;
  // Its parts are styled from the page (page.css): the bar always, Save until a view attaches.
  bar = make(doc, 'div', { class: 'bar', role: 'group', part: 'ps-bar' });
  bar.append(make(doc, 'button', { type: 'button', class: 'save', part: 'ps-save', 'aria-label': 'Save', 'aria-pressed': 'false', title: SAVE_TITLE[0] }, SAVE_TEXT[0]));
  skeletons.set(doc, bar);
  return bar;
}

const SAVE_TITLE = ['Save this paper to your PaperShelf', 'Saved on your shelf. Click to remove it.'] as const;
/** The star is part of the text; the button's name (aria-label) is the word alone. */
const SAVE_TEXT = ['☆ Save', '★ Saved'] as const;

/** Put a new toolbar (the unsaved skeleton) into `parent`; returns its root element. */
export function mountToolbar(doc: Document, parent: ParentNode, title: string): HTMLElement {
  const bar = skeleton(doc).cloneNode(true) as HTMLElement;
  bar.setAttribute('aria-label', `PaperShelf: ${title}`);
  parent.append(bar);
  return bar;
}

export class ToolbarView {
  private readonly save: HTMLButtonElement;
  /** the "+ tag" button, until it becomes the tag field */
  private tagBtn: HTMLElement | null;
  private tagInput: HTMLInputElement | null = null;
  private readonly noteBtn: HTMLButtonElement;
  private statusSel: HTMLSelectElement | null = null;
  private tagList: HTMLElement | null = null;
  private dirtyMark: HTMLElement | null = null;
  private preview: HTMLElement | null = null;
  private error: { box: HTMLElement; text: HTMLElement } | null = null;
  private notePanel: { box: HTMLElement; area: HTMLTextAreaElement; saveBtn: HTMLButtonElement; hint: HTMLElement } | null = null;
  private datalist: HTMLDataListElement | null = null;
  private noteOpen = false;
  /** the Zotero button of a saved paper; `zoteroAsk`: it asks before sending a paper sent before */
  private zoteroBtn: HTMLButtonElement | null = null;
  private zoteroAsk = false;
  /** what the DOM shows */
  private p: ToolbarProps = INITIAL_PROPS;

  /**
   * Attach to a toolbar made by mountToolbar (which shows INITIAL_PROPS), adding "+ tag" and Note.
   * Its shadow root must have adopted toolbar.css first.
   */
  constructor(
    private readonly doc: Document,
    private readonly bar: HTMLElement,
    private readonly cb: ToolbarCallbacks,
    private readonly uid: string,
  ) {
    this.save = bar.querySelector('.save')!;
    // From here the shadow root's own sheet styles Save like the other buttons (a part's page rules
    // would win over it). The bar keeps its part: page.css styles it whatever it shows.
    this.save.removeAttribute('part');
    this.tagBtn = this.el('button', { type: 'button', class: 'taginput', 'aria-label': 'Add tag' }, '+ tag');
    this.noteBtn = this.el('button', { type: 'button', class: 'notebtn', 'aria-expanded': 'false', 'aria-label': 'Add note' }, '✎ Note') as HTMLButtonElement;
    this.save.after(this.tagBtn, this.noteBtn);
  }

  private el(tag: string, attrs?: Attrs, text?: string): HTMLElement {
    return make(this.doc, tag, attrs, text);
  }

  /**
   * An event from inside this toolbar (`target` is the element it happened on): clicks, Enter
   * in the tag field, keys in the note, focus entering the tag field.
   */
  handle(e: Event, target: Element): void {
    if (e.type === 'focusin') {
      if (target === this.tagInput) this.showSuggestions();
    } else if (e.type === 'keydown') {
      this.onKey(e as KeyboardEvent, target);
    } else if (e.type === 'click') {
      const button = target.closest('button');
      if (!button || button.disabled) return;
      if (button === this.save) this.cb.onToggleSave();
      else if (button === this.tagBtn) this.focusTag();
      else if (button === this.noteBtn) this.setNoteOpen(!this.noteOpen);
      else if (button.classList.contains('untag')) this.cb.onRemoveTag(button.getAttribute('data-tag') ?? '');
      else if (button === this.notePanel?.saveBtn) this.commitNote();
      else if (button.classList.contains('close')) this.setNoteOpen(false);
      else if (button.classList.contains('dismiss')) this.cb.onDismissError();
      else if (button === this.zoteroBtn) this.clickZotero();
    }
  }

  /** Enter in the tag field adds the tag; in the note, Ctrl/Cmd+Enter saves and Esc closes. */
  private onKey(k: KeyboardEvent, target: Element): void {
    const input = this.tagInput;
    if (input && target === input && k.key === 'Enter' && !k.isComposing) {
      k.preventDefault();
      const t = input.value.trim();
      if (!t) return;
      input.value = '';
      this.cb.onAddTag(t);
    } else if (this.notePanel && target === this.notePanel.area) {
      if (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) {
        k.preventDefault();
        this.commitNote();
      } else if (k.key === 'Escape') this.setNoteOpen(false);
    }
  }


  /** Focus the tag field (turning the "+ tag" button into it). Also the `t` shortcut. */
  focusTag(): void {
    if (!this.tagInput) {
      const input = this.el('input', { type: 'text', class: 'taginput', placeholder: '+ tag', 'aria-label': 'Add tag', maxlength: '64', enterkeyhint: 'done' }) as HTMLInputElement;
      this.tagBtn?.replaceWith(input);
      this.tagBtn = null;
      this.tagInput = input;
    }
    this.tagInput.focus();
  }

  /** Open (or focus) the note. Also the `n` shortcut. */
  openNote(): void {
    if (this.noteOpen) this.notePanel?.area.focus();
    else this.setNoteOpen(true);
  }

  /** Apply new props, touching only what changed. */
  update(p: ToolbarProps): void {
    const prev = this.p;
    this.p = p;
    if (prev.saved !== p.saved) {
      this.save.className = p.saved ? 'save saved' : 'save';
      this.save.setAttribute('aria-pressed', String(p.saved));
      this.save.setAttribute('aria-label', p.saved ? 'Saved' : 'Save');
      this.save.title = SAVE_TITLE[p.saved ? 1 : 0];
      this.save.textContent = SAVE_TEXT[p.saved ? 1 : 0];
    }
    if (p.saved && !this.statusSel) this.statusSel = this.makeStatus();
    if (this.statusSel) {
      this.statusSel.hidden = !p.saved;
      this.statusSel.disabled = p.busy;
      if (this.statusSel.value !== p.status) this.statusSel.value = p.status;
    }
    this.save.disabled = p.busy;
    if (p.saved && this.cb.onSendToZotero && !this.zoteroBtn) this.noteBtn.after((this.zoteroBtn = this.el('button', { type: 'button', class: 'zotero' }) as HTMLButtonElement));
    if (this.zoteroBtn) {
      this.zoteroBtn.hidden = !p.saved;
      this.zoteroBtn.disabled = p.busy;
      this.showZotero();
    }
    if (prev.tags.join('\u0000') !== p.tags.join('\u0000')) {
      if (!this.tagList) {
        this.tagList = this.el('ul', { class: 'tags', 'aria-label': 'Tags' });
        (this.tagInput ?? this.tagBtn)?.before(this.tagList);
      }
      this.tagList.replaceChildren(...p.tags.map((t) => this.tagItem(t)));
      if (this.datalist) this.showSuggestions();
    }
    const noteText = p.noteDraft ?? p.note;
    const dirty = p.noteDraft !== null && p.noteDraft !== p.note;
    this.noteBtn.classList.toggle('has', !!noteText);
    this.noteBtn.setAttribute('aria-label', noteText ? 'Edit note' : 'Add note');
    if (!dirty) this.dirtyMark?.remove();
    else if (!this.dirtyMark?.isConnected) this.noteBtn.append((this.dirtyMark ??= this.el('span', { class: 'dirty', 'aria-label': 'unsaved' }, ' •')));
    this.updateNotePanel();
    if (!this.noteOpen && p.note) {
      this.preview ??= this.el('p', { class: 'notepreview' });
      this.preview.textContent = p.note;
      this.preview.title = p.note;
    }
    this.toggle(this.preview, !this.noteOpen && !!p.note);
    if (p.error) {
      if (!this.error) {
        const box = this.el('div', { class: 'error', role: 'alert' });
        const text = this.el('span');
        box.append(text, this.el('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss error' }, '×'));
        this.error = { box, text };
      }
      this.error.text.textContent = p.error;
    }
    this.toggle(this.error?.box ?? null, !!p.error);
  }

  /** "→ Zotero"; "✓ Zotero" once sent; "Send again?" after one click on a paper sent before. */
  private showZotero(): void {
    const b = this.zoteroBtn!;
    const sent = this.p.zoteroSentAt !== undefined;
    b.textContent = this.zoteroAsk ? 'Send again?' : sent ? '✓ Zotero' : '→ Zotero';
    b.title = this.zoteroAsk ? 'It is in Zotero already: click again to send a second copy' : sent ? 'Sent to Zotero. Click to send it again' : 'Send to Zotero';
    b.setAttribute('aria-label', this.zoteroAsk ? 'In Zotero already: send again?' : sent ? 'Sent to Zotero: send again' : 'Send to Zotero');
  }

  private clickZotero(): void {
    this.zoteroAsk = this.p.zoteroSentAt !== undefined && !this.zoteroAsk;
    if (!this.zoteroAsk) this.cb.onSendToZotero?.();
    this.showZotero();
  }

  private makeStatus(): HTMLSelectElement {
    const sel = this.el('select', { class: 'status', 'aria-label': 'Reading status' }) as HTMLSelectElement;
    for (const s of STATUSES) sel.append(this.el('option', { value: s }, STATUS_LABEL[s]));
    // `change` does not leave the shadow root, so this one listens for itself.
    sel.addEventListener('change', () => this.cb.onStatus(sel.value as Status));
    this.save.after(sel);
    return sel;
  }

  /** Show or hide an optional part, keeping the order: buttons, note panel, preview, error. */
  private toggle(node: HTMLElement | null, show: boolean): void {
    if (!node) return;
    if (!show) {
      node.remove();
      return;
    }
    if (node.isConnected) return;
    if (node === this.preview && this.error?.box.isConnected) this.bar.insertBefore(node, this.error.box);
    else this.bar.append(node);
  }

  private tagItem(t: string): HTMLElement {
    const li = this.el('li', { class: 'tag' });
    li.append(this.el('span', {}, t), this.el('button', { type: 'button', class: 'untag', 'data-tag': t, 'aria-label': `Remove tag ${t}`, title: `Remove tag ${t}` }, '×'));
    return li;
  }

  private showSuggestions(): void {
    if (!this.tagInput) return;
    if (!this.datalist) {
      this.datalist = this.el('datalist', { id: `ps-tags-${this.uid}` }) as HTMLDataListElement;
      this.tagInput.setAttribute('list', this.datalist.id);
      this.tagInput.after(this.datalist);
    }
    const have = new Set(this.p.tags.map((t) => t.toLowerCase()));
    this.datalist.replaceChildren(
      ...this.cb
        .knownTags()
        .filter((t) => !have.has(t.toLowerCase()))
        .map((t) => this.el('option', { value: t })),
    );
  }

  private commitNote(): void {
    if (!this.notePanel) return;
    this.cb.onSaveNote(this.notePanel.area.value);
    this.setNoteOpen(false);
  }

  private setNoteOpen(open: boolean): void {
    this.noteOpen = open;
    this.noteBtn.setAttribute('aria-expanded', String(open));
    this.update(this.p);
    if (open) this.notePanel?.area.focus();
  }

  private updateNotePanel(): void {
    const p = this.p;
    if (!this.noteOpen) {
      this.notePanel?.box.remove();
      return;
    }
    if (!this.notePanel) {
      const box = this.el('div', { class: 'note' });
      const area = this.el('textarea', { 'aria-label': 'Note', rows: '3', placeholder: 'Your note (kept on your machine)' }) as HTMLTextAreaElement;
      const actions = this.el('div', { class: 'noteactions' });
      const saveBtn = this.el('button', { type: 'button', class: 'primary' }, 'Save note') as HTMLButtonElement;
      const hint = this.el('span', { class: 'hint' });
      actions.append(saveBtn, this.el('button', { type: 'button', class: 'close' }, 'Close'), hint);
      box.append(area, actions);
      area.addEventListener('input', () => this.cb.onNoteDraft(area.value));
      this.notePanel = { box, area, saveBtn, hint };
    }
    const { box, area, saveBtn, hint } = this.notePanel;
    const text = p.noteDraft ?? p.note;
    const dirty = p.noteDraft !== null && p.noteDraft !== p.note;
    if (area.value !== text) area.value = text;
    saveBtn.disabled = p.busy || !dirty;
    hint.textContent = dirty ? 'Not saved yet (Ctrl+Enter saves)' : p.note ? 'Saved' : '';
    if (!box.isConnected) this.bar.insertBefore(box, this.preview?.isConnected ? this.preview : this.error?.box.isConnected ? this.error.box : null);
  }
}
