/**
 * The toolbar shown on each paper card, inside a shadow root. Plain DOM rather than Preact: it is
 * built once per card on feeds with thousands of cards, and the content script stays small.
 * Props in (update), callbacks out; no browser.* and no database. Page text is only ever set
 * with textContent / attributes, never parsed as HTML.
 */
import { STATUSES, type Status } from '@/lib/paper';
import { STATUS_LABEL } from '../labels';

export interface ToolbarProps {
  title: string;
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
}

type Attrs = Record<string, string>;

export class ToolbarView {
  private readonly bar: HTMLElement;
  private readonly save: HTMLButtonElement;
  private readonly saveIcon: HTMLElement;
  private readonly saveText: Text;
  private readonly statusSel: HTMLSelectElement;
  private readonly tagList: HTMLElement;
  private readonly tagInput: HTMLInputElement;
  private readonly noteBtn: HTMLButtonElement;
  private readonly dirtyMark: HTMLElement;
  private readonly preview: HTMLElement;
  private readonly error: HTMLElement;
  private readonly errorText: HTMLElement;
  private notePanel: { box: HTMLElement; area: HTMLTextAreaElement; saveBtn: HTMLButtonElement; hint: HTMLElement } | null = null;
  private datalist: HTMLDataListElement | null = null;
  private noteOpen = false;
  private p: ToolbarProps | null = null;
  private shownTags = '';

  constructor(
    private readonly doc: Document,
    root: HTMLElement,
    private readonly cb: ToolbarCallbacks,
    private readonly uid: string,
  ) {
    const el = this.el.bind(this);
    this.bar = el('div', { class: 'bar', role: 'group' });
    const row = el('div', { class: 'row' });
    this.save = el('button', { type: 'button', class: 'save' }) as HTMLButtonElement;
    this.saveIcon = el('span', { class: 'icon', 'aria-hidden': 'true' });
    this.saveText = doc.createTextNode('');
    this.save.append(this.saveIcon, this.saveText);
    this.save.addEventListener('click', () => this.cb.onToggleSave());

    this.statusSel = el('select', { class: 'status', 'aria-label': 'Reading status' }) as HTMLSelectElement;
    for (const s of STATUSES) {
      const o = el('option', { value: s }) as HTMLOptionElement;
      o.textContent = STATUS_LABEL[s];
      this.statusSel.append(o);
    }
    this.statusSel.addEventListener('change', () => this.cb.onStatus(this.statusSel.value as Status));

    this.tagList = el('ul', { class: 'tags', 'aria-label': 'Tags' });
    const form = el('form', { class: 'addtag' });
    this.tagInput = el('input', { type: 'text', class: 'taginput', placeholder: '+ tag', 'aria-label': 'Add tag', maxlength: '64' }) as HTMLInputElement;
    form.append(this.tagInput);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const t = this.tagInput.value.trim();
      if (!t) return;
      this.tagInput.value = '';
      this.cb.onAddTag(t);
    });
    // Suggestions are built only while the field is in use: cheap cards on long feeds.
    this.tagInput.addEventListener('focus', () => this.showSuggestions());

    this.noteBtn = el('button', { type: 'button', class: 'notebtn', 'aria-expanded': 'false' }) as HTMLButtonElement;
    const pen = el('span', { 'aria-hidden': 'true' });
    pen.textContent = '✎';
    this.dirtyMark = el('span', { class: 'dirty', 'aria-label': 'unsaved' });
    this.dirtyMark.textContent = ' •';
    this.noteBtn.append(pen, doc.createTextNode(' Note'));
    this.noteBtn.addEventListener('click', () => this.setNoteOpen(!this.noteOpen));

    row.append(this.save, this.statusSel, this.tagList, form, this.noteBtn);
    this.preview = el('p', { class: 'notepreview' });
    this.error = el('div', { class: 'error', role: 'alert' });
    this.errorText = el('span', {});
    const dismiss = el('button', { type: 'button', 'aria-label': 'Dismiss error' });
    dismiss.textContent = '×';
    dismiss.addEventListener('click', () => this.cb.onDismissError());
    this.error.append(this.errorText, dismiss);
    this.bar.append(row);
    root.append(this.bar);
  }

  private el(tag: string, attrs: Attrs): HTMLElement {
    const e = this.doc.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    return e;
  }

  /** Apply new props, touching only what changed. */
  update(p: ToolbarProps): void {
    const prev = this.p;
    this.p = p;
    if (prev?.title !== p.title) this.bar.setAttribute('aria-label', `PaperShelf: ${p.title}`);
    if (prev?.saved !== p.saved || !prev) {
      this.save.className = p.saved ? 'save saved' : 'save';
      this.save.setAttribute('aria-pressed', String(p.saved));
      this.save.title = p.saved ? 'Saved on your shelf. Click to remove it.' : 'Save this paper to your PaperShelf';
      this.saveIcon.textContent = p.saved ? '★' : '☆';
      this.saveText.data = p.saved ? 'Saved' : 'Save';
      this.statusSel.hidden = !p.saved;
    }
    this.save.disabled = p.busy;
    this.statusSel.disabled = p.busy;
    if (this.statusSel.value !== p.status) this.statusSel.value = p.status;
    const tagsKey = p.tags.join('\u0000');
    if (tagsKey !== this.shownTags) {
      this.shownTags = tagsKey;
      this.tagList.replaceChildren(...p.tags.map((t) => this.tagItem(t)));
      if (this.datalist) this.showSuggestions();
    }
    const noteText = p.noteDraft ?? p.note;
    const dirty = p.noteDraft !== null && p.noteDraft !== p.note;
    this.noteBtn.classList.toggle('has', !!noteText);
    this.noteBtn.setAttribute('aria-label', noteText ? 'Edit note' : 'Add note');
    if (dirty !== this.dirtyMark.isConnected) {
      if (dirty) this.noteBtn.append(this.dirtyMark);
      else this.dirtyMark.remove();
    }
    this.updateNotePanel();
    this.preview.textContent = p.note;
    this.preview.title = p.note;
    this.toggle(this.preview, !this.noteOpen && !!p.note);
    this.errorText.textContent = p.error ?? '';
    this.toggle(this.error, !!p.error);
  }

  private toggle(node: HTMLElement, show: boolean): void {
    if (show && !node.isConnected) this.bar.append(node);
    else if (!show && node.isConnected) node.remove();
    // keep the order: row, note panel, preview, error
    if (show && node === this.preview && this.error.isConnected) this.bar.insertBefore(node, this.error);
  }

  private tagItem(t: string): HTMLElement {
    const li = this.el('li', { class: 'tag' });
    const span = this.el('span', {});
    span.textContent = t;
    const x = this.el('button', { type: 'button', class: 'untag', 'aria-label': `Remove tag ${t}`, title: `Remove tag ${t}` });
    x.textContent = '×';
    x.addEventListener('click', () => this.cb.onRemoveTag(t));
    li.append(span, x);
    return li;
  }

  private showSuggestions(): void {
    const p = this.p;
    if (!p) return;
    if (!this.datalist) {
      this.datalist = this.el('datalist', { id: `ps-tags-${this.uid}` }) as HTMLDataListElement;
      this.tagInput.setAttribute('list', this.datalist.id);
      this.tagInput.after(this.datalist);
    }
    const have = new Set(p.tags.map((t) => t.toLowerCase()));
    this.datalist.replaceChildren(
      ...this.cb.knownTags()
        .filter((t) => !have.has(t.toLowerCase()))
        .map((t) => {
          const o = this.el('option', { value: t });
          return o;
        }),
    );
  }

  private setNoteOpen(open: boolean): void {
    this.noteOpen = open;
    this.noteBtn.setAttribute('aria-expanded', String(open));
    if (this.p) this.update(this.p);
    if (open) this.notePanel?.area.focus();
  }

  private updateNotePanel(): void {
    const p = this.p!;
    if (!this.noteOpen) {
      this.notePanel?.box.remove();
      return;
    }
    if (!this.notePanel) {
      const box = this.el('div', { class: 'note' });
      const area = this.el('textarea', { 'aria-label': 'Note', rows: '3', placeholder: 'Your note (kept on your machine)' }) as HTMLTextAreaElement;
      const actions = this.el('div', { class: 'noteactions' });
      const saveBtn = this.el('button', { type: 'button', class: 'primary' }) as HTMLButtonElement;
      saveBtn.textContent = 'Save note';
      const close = this.el('button', { type: 'button' });
      close.textContent = 'Close';
      const hint = this.el('span', { class: 'hint' });
      actions.append(saveBtn, close, hint);
      box.append(area, actions);
      const commit = () => {
        this.cb.onSaveNote(area.value);
        this.setNoteOpen(false);
      };
      area.addEventListener('input', () => this.cb.onNoteDraft(area.value));
      area.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') this.setNoteOpen(false);
      });
      saveBtn.addEventListener('click', commit);
      close.addEventListener('click', () => this.setNoteOpen(false));
      this.notePanel = { box, area, saveBtn, hint };
    }
    const { box, area, saveBtn, hint } = this.notePanel;
    const text = p.noteDraft ?? p.note;
    const dirty = p.noteDraft !== null && p.noteDraft !== p.note;
    if (area.value !== text) area.value = text;
    saveBtn.disabled = p.busy || !dirty;
    hint.textContent = dirty ? 'Not saved yet (Ctrl+Enter saves)' : p.note ? 'Saved' : '';
    if (!box.isConnected) this.bar.children[0]!.after(box);
  }
}
