/** Attributes of an element made with make(). */
export type Attrs = Record<string, string>;

/** A new element with these attributes and text (set as text: never parsed as HTML). */
export function make(doc: Document, tag: string, attrs: Attrs = {}, text?: string): HTMLElement {
  const e = doc.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]!);
  if (text !== undefined) e.textContent = text;
  return e;
}
