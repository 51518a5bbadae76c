/**
 * Sites the user turned on: one origin at a time, granted by the user (the manifest's
 * `optional_host_permissions`, `optional_permissions` in Firefox's MV2 build), each with a content
 * script registered for it (scripting.registerContentScripts): the embedded-metadata reader
 * (entrypoints/embedded.content.ts), or the listed site's own script where that site's adapter
 * claims the page the user turned it on from (lib/page-reading.ts `listed`).
 *
 * The list lives in storage.local (`sitesOn`): the options page shows it, the background tells
 * those origins' tabs when papers change, and at startup the background registers again whatever
 * the browser did not keep (Firefox may drop `persistAcrossSessions` scripts; a permission
 * removed in the browser's own settings drops the site). Used by the popup, the options page and
 * the background; never by a content script.
 */
import { CONTENT_MATCHES, HOST_PERMISSIONS, SITES } from './sites/registry';

/** A site turned on: its origin and the content script registered for it. */
export interface SiteOn {
  /** `https://journals.example.org` */
  origin: string;
  /** 'embedded', or a listed site's id */
  script: string;
  /** when it was turned on (ms) */
  since: number;
}

export const SITES_ON_KEY = 'sitesOn';
/** The site a popup asked for, kept before its permission prompt (see requestSite). */
export const PENDING_KEY = 'sitesOnPending';
/** A pending request older than this is not finished by the background. */
const PENDING_MS = 10 * 60_000;
/** Registered scripts' ids: this prefix and the origin. */
export const SCRIPT_PREFIX = 'papershelf-site:';
/** The content script of a site turned on from a page no listed site claims. */
export const EMBEDDED_SCRIPT = 'embedded';
const SCRIPTS: ReadonlySet<string> = new Set([EMBEDDED_SCRIPT, ...SITES.map((s) => s.id)]);

// ---- origins and match patterns (pure)

/**
 * The http(s) origin of an address: a URL, or what a user types in the options ("example.org",
 * "https://example.org/some/page"); null for anything else.
 */
export function originOf(input: string | URL): string | null {
  let u: URL;
  try {
    const s = typeof input === 'string' ? input.trim() : input.href;
    u = new URL(/^[a-z][a-z0-9+.-]*:/i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || !u.hostname || u.username || u.password) return null;
  // A host needs a dot (or is an IP address): "localhost" and single words are not sites.
  if (!u.hostname.includes('.') && !u.hostname.startsWith('[')) return null;
  return u.origin;
}

/** The host a user recognises: `journals.example.org`. */
export const hostOf = (origin: string): string => new URL(origin).host;

/** The one match pattern of an origin: `https://journals.example.org/*`. */
export const patternOf = (origin: string): string => `${origin}/*`;

/** The origin of a pattern patternOf() made (`https://x.org/*`), else null. */
export function originFromPattern(pattern: string): string | null {
  const m = /^(https?:\/\/[^/*]+)\/\*$/.exec(pattern);
  return m ? originOf(m[1]!) : null;
}

/** The registered content script's id for an origin. */
export const scriptIdOf = (origin: string): string => `${SCRIPT_PREFIX}${origin}`;

/** The built files of a content script (each site's entrypoint has its page.css). */
export function scriptFiles(script: string): { js: string[]; css: string[] } {
  return { js: [`content-scripts/${script}.js`], css: [`content-scripts/${script}.css`] };
}

/**
 * Whether a URL matches a manifest match pattern (`https://host/path*`, `*.` hosts, `*` schemes):
 * Chrome's rules, the path matched with the query.
 */
export function matchesPattern(pattern: string, url: string | URL): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  if (scheme === '*' ? u.protocol !== 'http:' && u.protocol !== 'https:' : u.protocol !== `${scheme}:`) return false;
  const h = u.hostname;
  if (host !== '*' && !(host.startsWith('*.') ? h === host.slice(2) || h.endsWith(host.slice(1)) : h === host)) return false;
  const re = new RegExp(`^${path.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(u.pathname + u.search);
}

/** Whether a listed site's own content script runs on this page (its toolbars are there already). */
export const isListedPage = (url: string | URL): boolean => CONTENT_MATCHES.some((p) => matchesPattern(p, url));

/**
 * Whether an origin is a listed site's host (a required permission): it is never turned on as
 * a site of its own (its script would run beside the site's).
 */
export const isListedOrigin = (origin: string): boolean => HOST_PERMISSIONS.some((p) => matchesPattern(p, `${origin}/`));

// ---- the list (storage.local)

function parseList(value: unknown): SiteOn[] {
  if (!Array.isArray(value)) return [];
  const out: SiteOn[] = [];
  for (const v of value as Array<Partial<SiteOn> | null>) {
    const origin = typeof v?.origin === 'string' ? originOf(v.origin) : null;
    if (!origin || origin !== v?.origin || out.some((s) => s.origin === origin)) continue;
    const script = typeof v.script === 'string' && SCRIPTS.has(v.script) ? v.script : EMBEDDED_SCRIPT;
    out.push({ origin, script, since: typeof v.since === 'number' ? v.since : 0 });
  }
  return out;
}

/** The sites turned on, oldest first. */
export async function sitesOn(): Promise<SiteOn[]> {
  const got = await browser.storage.local.get(SITES_ON_KEY);
  return parseList(got[SITES_ON_KEY]);
}

// Writes of the list from this page run one after another (read, change, write).
let queue: Promise<unknown> = Promise.resolve();
function updateList(change: (list: SiteOn[]) => SiteOn[]): Promise<SiteOn[]> {
  const next = queue.then(async () => {
    const list = change(await sitesOn());
    await browser.storage.local.set({ [SITES_ON_KEY]: list });
    return list;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Follow the list (the options page, the popup). Returns the unsubscribe. */
export function watchSitesOn(listener: (list: SiteOn[]) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SITES_ON_KEY];
    if (area === 'local' && change) listener(parseList(change.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

// ---- turning on and off

/** Register (or update) the origin's content script. */
async function register(origin: string, script: string): Promise<void> {
  const id = scriptIdOf(origin);
  const def = { id, matches: [patternOf(origin)], ...scriptFiles(script), runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
  const has = async () => (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0;
  if (await has()) return browser.scripting.updateContentScripts([def]);
  try {
    await browser.scripting.registerContentScripts([def]);
  } catch (err) {
    // Registered meanwhile by another page (the popup and the background both finish a request).
    if (!(await has())) throw err;
    await browser.scripting.updateContentScripts([def]);
  }
}

async function unregister(origin: string): Promise<void> {
  const id = scriptIdOf(origin);
  if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/** Turn a site on whose origin is granted: register its script and list it. */
export async function turnOn(origin: string, script: string, now = Date.now()): Promise<SiteOn> {
  if (!SCRIPTS.has(script)) throw new Error(`No content script named ${script}`);
  if (isListedOrigin(origin)) throw new Error(`${hostOf(origin)} is one of the supported sites already`);
  await register(origin, script);
  const site: SiteOn = { origin, script, since: now };
  await updateList((list) => {
    const had = list.find((s) => s.origin === origin);
    return had ? list.map((s) => (s === had ? { ...had, script } : s)) : [...list, site];
  });
  return site;
}

/**
 * Ask for the origin and turn the site on: call it straight from the click (the browser shows
 * its prompt only in answer to one; nothing is awaited before the request). The choice is kept
 * first in storage.local: a browser that closes the popup for its prompt leaves the rest to the
 * background (permissions.onAdded, setupSiteAccess). Resolves to null when the user says no.
 */
export function requestSite(origin: string, script: string): Promise<SiteOn | null> {
  const kept = browser.storage.local.set({ [PENDING_KEY]: { origin, script, at: Date.now() } }).catch(() => undefined);
  const granted = browser.permissions.request({ origins: [patternOf(origin)] });
  return granted.then(async (ok) => {
    await kept;
    return ok ? turnOn(origin, script) : null;
  });
}

/** Turn a site off: its script unregistered, its permission given back, its entry gone. */
export async function turnOff(origin: string): Promise<void> {
  await unregister(origin);
  await browser.permissions.remove({ origins: [patternOf(origin)] });
  await updateList((list) => list.filter((s) => s.origin !== origin));
}

// ---- the background

/** The tabs the background tells about changes: the listed sites' pages and the sites turned on. */
export async function changeTabPatterns(): Promise<string[]> {
  const on = await sitesOn().catch(() => [] as SiteOn[]);
  return [...CONTENT_MATCHES, ...on.map((s) => patternOf(s.origin))];
}

/**
 * At startup: every listed site whose permission is still granted has its script registered
 * (Firefox may not keep them); a site whose permission is gone leaves the list; a registered
 * script of ours that the list does not name is unregistered.
 */
export async function reconcile(): Promise<void> {
  const list = await sitesOn();
  const keep: SiteOn[] = [];
  for (const site of list) {
    if (await browser.permissions.contains({ origins: [patternOf(site.origin)] })) {
      await register(site.origin, site.script).then(
        () => keep.push(site),
        () => keep.push(site), // kept: tried again at the next start
      );
    }
  }
  const named = new Set(keep.map((s) => scriptIdOf(s.origin)));
  const stray = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(SCRIPT_PREFIX) && !named.has(s.id)).map((s) => s.id);
  if (stray.length) await browser.scripting.unregisterContentScripts({ ids: stray });
  if (keep.length !== list.length) await updateList((now) => now.filter((s) => keep.some((k) => k.origin === s.origin)));
}

/** A permission granted while a popup waited for it: finish that popup's request. */
export async function granted(origins: readonly string[], now = Date.now()): Promise<void> {
  const got = await browser.storage.local.get(PENDING_KEY);
  const pending = got[PENDING_KEY] as { origin?: unknown; script?: unknown; at?: unknown } | undefined;
  if (!pending || typeof pending.origin !== 'string' || typeof pending.script !== 'string') return;
  if (typeof pending.at !== 'number' || now - pending.at > PENDING_MS) return;
  if (!origins.some((p) => originFromPattern(p) === pending.origin)) return;
  await browser.storage.local.remove(PENDING_KEY);
  await turnOn(pending.origin, pending.script);
}

/** Permissions taken back in the browser's settings: those sites are off. */
export async function revoked(origins: readonly string[]): Promise<void> {
  const gone = new Set(origins.map(originFromPattern).filter((o): o is string => !!o));
  const list = await sitesOn();
  for (const site of list.filter((s) => gone.has(s.origin))) await unregister(site.origin).catch(() => undefined);
  if (list.some((s) => gone.has(s.origin))) await updateList((now) => now.filter((s) => !gone.has(s.origin)));
}

/** Wire it to the background: reconcile at startup, follow permission changes. */
export function setupSiteAccess(): void {
  void reconcile().catch(() => undefined);
  browser.permissions.onAdded.addListener((p) => void granted(p.origins ?? []).catch(() => undefined));
  browser.permissions.onRemoved.addListener((p) => void revoked(p.origins ?? []).catch(() => undefined));
}
