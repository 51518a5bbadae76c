/**
 * WXT's fakeBrowser leaves `permissions` and `scripting` unimplemented: this gives it a small
 * browser-like model of both (granted origins, registered content scripts, the prompt's answer,
 * executeScript's result) with vi.spyOn, so lib/site-access.ts and lib/page-access.ts run on
 * fakeBrowser as the extension runs on the browser. Call inside a test (after fakeBrowser.reset()).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

type Script = { id: string; matches?: string[]; js?: string[]; css?: string[]; runAt?: string; persistAcrossSessions?: boolean; allFrames?: boolean };
type Listener = (p: { origins?: string[] }) => void;

export interface FakeAccess {
  /** origins patterns granted (`https://x.org/*`) */
  granted: Set<string>;
  /** registered content scripts by id */
  scripts: Map<string, Script>;
  /** what the next permission prompts answer (default: yes) */
  answer: boolean;
  /** the requests made, in order */
  requests: string[][];
  /** executeScript: what the injected file returns, or an error to throw */
  inject: (tabId: number, files: string[]) => unknown;
  /** the permission listeners the code added */
  added: Listener[];
  removed: Listener[];
}

export function fakeAccess(): FakeAccess {
  const a: FakeAccess = { granted: new Set(), scripts: new Map(), answer: true, requests: [], inject: () => null, added: [], removed: [] };
  const p = fakeBrowser.permissions as unknown as Record<string, unknown>;
  const s = fakeBrowser.scripting as unknown as Record<string, unknown>;
  type Spy = (obj: object, name: string) => { mockImplementation(impl: unknown): unknown };
  const spy = (obj: Record<string, unknown>, name: string, impl: (...args: never[]) => unknown) => (vi.spyOn as unknown as Spy)(obj, name).mockImplementation(impl);

  spy(p, 'request', ({ origins = [] }: { origins?: string[] }) => {
    a.requests.push(origins);
    if (!a.answer) return Promise.resolve(false);
    const fresh = origins.filter((o) => !a.granted.has(o));
    for (const o of origins) a.granted.add(o);
    if (fresh.length) for (const l of a.added) l({ origins: fresh });
    return Promise.resolve(true);
  });
  spy(p, 'contains', async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => a.granted.has(o)));
  spy(p, 'remove', async ({ origins = [] }: { origins?: string[] }) => {
    const had = origins.filter((o) => a.granted.delete(o));
    if (had.length) for (const l of a.removed) l({ origins: had });
    return had.length > 0;
  });
  spy(p.onAdded as Record<string, unknown>, 'addListener', (l: Listener) => void a.added.push(l));
  spy(p.onRemoved as Record<string, unknown>, 'addListener', (l: Listener) => void a.removed.push(l));

  spy(s, 'registerContentScripts', async (list: Script[]) => {
    for (const x of list) if (a.scripts.has(x.id)) throw new Error(`Duplicate script ID '${x.id}'`);
    for (const x of list) a.scripts.set(x.id, { ...x });
  });
  spy(s, 'updateContentScripts', async (list: Script[]) => {
    for (const x of list) {
      const had = a.scripts.get(x.id);
      if (!had) throw new Error(`No script with ID '${x.id}'`);
      a.scripts.set(x.id, { ...had, ...x });
    }
  });
  spy(s, 'getRegisteredContentScripts', async (filter?: { ids?: string[] }) => [...a.scripts.values()].filter((x) => !filter?.ids || filter.ids.includes(x.id)).map((x) => ({ ...x })));
  spy(s, 'unregisterContentScripts', async (filter?: { ids?: string[] }) => {
    for (const id of filter?.ids ?? [...a.scripts.keys()]) {
      if (!a.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
    }
  });
  spy(s, 'executeScript', async ({ target, files }: { target: { tabId: number }; files: string[] }) => [{ frameId: 0, result: a.inject(target.tabId, files) }]);
  return a;
}
