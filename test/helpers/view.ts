/**
 * What the view tests share (no testing-library: plain queries on one container). Call
 * `useContainer()` once in a file: each test gets a fresh container in the document, unmounted and
 * removed after it (a file's own afterEach registered before that call runs after the unmount).
 */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';

/** The current test's container. */
export let container: HTMLElement;

export function useContainer(): void {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    act(() => render(null, container));
    container.remove();
  });
}

export const mount = (ui: ComponentChild) => act(() => render(ui, container));
export const $ = <T extends Element = HTMLElement>(sel: string) => container.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(sel: string) => [...container.querySelectorAll<T>(sel)];

export function click(el: Element | null): void {
  if (!el) throw new Error('nothing to click');
  act(() => (el as HTMLElement).click());
}

/** Let IndexedDB answer and Preact re-render, until `check` passes (or the time is up). */
export async function waitFor(check: () => unknown, timeoutMs = 4000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
    }
    await act(() => new Promise<void>((r) => setTimeout(r, 5)));
  }
}

/** Block elements: text as a reader sees it puts a space around each. */
const BLOCK = /^(P|H[1-6]|LI|UL|OL|DL|DT|DD|DIV|SECTION|HEADER|MAIN|BUTTON|SELECT|OPTION|LABEL)$/;

/** Text as a reader sees it: blocks separated by a space, whitespace collapsed. */
export function readerText(el: Element | null | undefined): string {
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (!(n instanceof Element)) return;
    const block = BLOCK.test(n.tagName);
    if (block) out += ' ';
    n.childNodes.forEach(walk);
    if (block) out += ' ';
  };
  if (el) walk(el);
  return out.replace(/\s+/g, ' ').trim();
}
