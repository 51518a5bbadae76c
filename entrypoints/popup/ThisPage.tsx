/**
 * The popup's "This page" (components/page/SaveThisPage) wired to the browser: the page in front
 * is read when the popup opens (lib/page-access: scripting.executeScript under activeTab, the
 * answer parsed with zod), its paper is saved and edited through lib/library (every write reaches
 * the open tabs through the background, as the list's do), and "Show PaperShelf on <host>" asks
 * for that one origin and registers the site's content script (lib/site-access).
 */
import { useEffect, useState } from 'preact/hooks';
import { SaveThisPage, type SiteOffer } from '@/components/page/SaveThisPage';
import { onChanged } from '@/lib/changes';
import { errorMessage } from '@/lib/errors';
import { getLibrary, type Library } from '@/lib/library';
import { MESSAGES, readActivePage, type PageAccess } from '@/lib/page-access';
import type { SavedPaper, Status, UserPatch } from '@/lib/paper';
import { EMBEDDED_SCRIPT, requestSite, sitesOn, watchSitesOn, type SiteOn } from '@/lib/site-access';

export interface ThisPageProps {
  /** defaults to the extension's shared library (tests pass one on a test database) */
  library?: Library;
  /** reads the page in front (defaults to lib/page-access readActivePage) */
  read?: () => Promise<PageAccess>;
  /** the sites turned on and the request for one more (default: lib/site-access) */
  sites?: {
    list(): Promise<SiteOn[]>;
    watch(listener: (list: SiteOn[]) => void): () => void;
    request(origin: string, script: string): Promise<SiteOn | null>;
  };
}

const SITES = { list: sitesOn, watch: watchSitesOn, request: requestSite };

export function ThisPage({ library: given, read = readActivePage, sites = SITES }: ThisPageProps) {
  const library = given ?? getLibrary();
  const [page, setPage] = useState<PageAccess>({ kind: 'reading' });
  const [saved, setSaved] = useState<SavedPaper | undefined>(undefined);
  const [tags, setTags] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [on, setOn] = useState<SiteOn[] | null>(null);
  const [asking, setAsking] = useState(false);
  const [turnedOn, setTurnedOn] = useState(false);

  useEffect(() => {
    let live = true;
    read().then(
      (p) => live && setPage(p),
      () => live && setPage({ kind: 'unavailable', message: MESSAGES.blocked }),
    );
    return () => {
      live = false;
    };
  }, [read]);

  // The shelf's record of the page's paper, followed through every change (a card, the list).
  const id = page.kind === 'read' ? page.draft?.id : undefined;
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = () =>
      void library.get(id).then(
        (r) => live && setSaved(r),
        (err: unknown) => live && setError(`Could not read your shelf: ${errorMessage(err)}`),
      );
    load();
    const stop = onChanged(({ ids }) => ids.includes(id) && load());
    return () => {
      live = false;
      stop();
    };
  }, [library, id]);
  useEffect(() => {
    if (saved) library.allTags().then(setTags, () => undefined);
  }, [library, saved !== undefined]);

  useEffect(() => {
    if (page.kind !== 'read') return;
    sites.list().then(setOn, () => setOn([]));
    return sites.watch(setOn);
  }, [sites, page.kind]);

  if (page.kind === 'listed' || page.kind === 'self') return null;

  /** Run a write; a failure says what failed. */
  const write = (what: string, run: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    run()
      .catch((err: unknown) => setError(`${what}: ${errorMessage(err)}`))
      .finally(() => setBusy(false));
  };
  const draft = page.kind === 'read' ? page.draft : null;
  const title = saved?.title ?? draft?.title ?? '';
  const patch = (change: UserPatch, what: string) => saved && write(what, () => library.patch(saved.id, change));

  let site: SiteOffer | null = null;
  if (page.kind === 'read' && !page.listedOrigin && on && (draft || page.script !== EMBEDDED_SCRIPT)) {
    const mine = on.find((s) => s.origin === page.origin);
    site = { host: page.host, on: mine?.script === page.script, busy: asking, fresh: turnedOn };
  }

  const turnOn = () => {
    if (page.kind !== 'read') return;
    setAsking(true);
    setError(null);
    // Straight from the click: the browser asks the user only in answer to one.
    sites
      .request(page.origin, page.script)
      .then(
        (s) => s && setTurnedOn(true),
        (err: unknown) => setError(`Could not turn PaperShelf on for ${page.host}: ${errorMessage(err)}`),
      )
      .finally(() => setAsking(false));
  };

  return (
    <SaveThisPage
      page={page}
      saved={saved}
      tags={tags}
      busy={busy}
      error={error}
      onDismissError={() => setError(null)}
      site={site}
      onSave={() => draft && write(`Could not save “${title}”`, () => library.save(draft))}
      onRemove={() => saved && write(`Could not remove “${title}”`, () => library.remove([saved.id]))}
      onStatus={(status: Status) => patch({ status }, `Could not change the status of “${title}”`)}
      onAddTag={(tag) => patch({ addTags: [tag] }, `Could not add the tag “${tag}”`)}
      onRemoveTag={(tag) => patch({ removeTags: [tag] }, `Could not remove the tag “${tag}”`)}
      onNote={(note) => patch({ note }, `Could not save the note of “${title}”`)}
      onTurnOn={turnOn}
    />
  );
}
