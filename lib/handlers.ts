/**
 * Background message handlers: parse every payload with zod, call the library, answer with a
 * typed Result. Pure functions of (library, raw payload) so they are tested without a browser.
 */
import { z } from 'zod/mini';
import { errorMessage } from './errors';
import { NotFoundError, type Library } from './library';
import { toState, type Failure, type Responses, type Result } from './messages';
import { lookupDrafts, Requests, seenSightings, type RequestType } from './requests';

function failure(code: Failure['error']['code'], message: string): Failure {
  return { ok: false, error: { code, message } };
}

/** Turn any thrown error into a typed failure; storage errors keep their name. */
export function toFailure(err: unknown): Failure {
  if (err instanceof NotFoundError) return failure('not-found', err.message);
  if (err instanceof z.core.$ZodError) return failure('invalid', z.prettifyError(err));
  const name = err instanceof Error ? err.name : '';
  const message = errorMessage(err);
  if (/Quota|Database|Transaction|Abort|Constraint|Open|DataError|InvalidState/i.test(name)) {
    return failure('storage', `${name}: ${message}`);
  }
  return failure('internal', message || 'unknown error');
}

type Handler<T extends RequestType> = (lib: Library, data: z.output<(typeof Requests)[T]>) => Promise<Responses[T]>;

const impl: { [T in RequestType]: Handler<T> } = {
  async lookup(lib, { drafts = [], ids = [], seenBefore }) {
    // (the seen question reads its own table: asked alongside, it adds no wait to the answer)
    const seen = seenBefore === undefined ? undefined : lib.seen.before(ids, seenBefore);
    const found = await lib.observe(lookupDrafts(drafts));
    const rest = ids.filter((id) => !found.has(id));
    if (rest.length) for (const [id, p] of await lib.lookup(rest)) found.set(id, p);
    const papers: Responses['lookup']['papers'] = {};
    for (const [id, p] of found) papers[id] = toState(p);
    return seen === undefined ? { papers } : { papers, seen: await seen };
  },
  async save(lib, { draft, patch }) {
    return { paper: toState(await lib.save(draft, patch)) };
  },
  async patch(lib, { id, patch }) {
    return { paper: toState(await lib.patch(id, patch)) };
  },
  async remove(lib, { id }) {
    return { removed: (await lib.remove([id])).length > 0 };
  },
  async tags(lib) {
    return { tags: await lib.allTags() };
  },
  async seen(lib, { papers }) {
    return { recorded: await lib.seen.record(seenSightings(papers)) };
  },
};

/** Validate and run one request. Never throws. */
export async function handle<T extends RequestType>(lib: Library, type: T, raw: unknown): Promise<Result<Responses[T]>> {
  const parsed = Requests[type].safeParse(raw);
  if (!parsed.success) return failure('invalid', `${type}: ${z.prettifyError(parsed.error)}`);
  try {
    const res = await (impl[type] as Handler<T>)(lib, parsed.data as z.output<(typeof Requests)[T]>);
    return { ok: true, ...res } as Result<Responses[T]>;
  } catch (err) {
    return toFailure(err);
  }
}

export const REQUEST_TYPES = Object.keys(Requests) as RequestType[];
