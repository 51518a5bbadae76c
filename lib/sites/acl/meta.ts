/** ACL Anthology: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { siteKey } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'acl';

/**
 * The pages its content script runs on. A paper page is `/<anthology id>/` at the root of the
 * host (`/2021.naacl-main.208/`, `/W18-6560/`), which no narrower pattern covers: on every other
 * page detect() says no and the script does nothing. (The old host, www.aclweb.org/anthology,
 * now redirects here; the adapter still reads its saved pages, but no permission is asked for it.)
 */
export const matches = ['https://aclanthology.org/*'];

/** An anthology id: `2021.naacl-main.208` (2020 on), `W18-6560` (before). */
export const ANTHOLOGY_ID = /^(?:\d{4}\.[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*\.\d+|[A-Z]\d{2}-\d{4})$/;

/**
 * The path of a URL inside the Anthology (`/people/…`, `/W18-6560/`), or null for another site:
 * aclanthology.org's own paths, or the old host's under `/anthology` (www.aclweb.org/anthology).
 */
export function anthologyPath(url: URL): string | null {
  if (!/^https?:$/.test(url.protocol)) return null;
  if (url.hostname === 'aclanthology.org') return url.pathname;
  if (url.hostname === 'www.aclweb.org' && url.pathname.startsWith('/anthology/')) return url.pathname.slice('/anthology'.length);
  return null;
}

/** The anthology id an Anthology path names (`/W18-6560/`, `/W18-6560`, `/W18-6560.pdf`), or null. */
export function anthologyIdOf(path: string): string | null {
  const m = /^\/([^/]+?)(?:\.pdf|\/)?$/.exec(path);
  return m && ANTHOLOGY_ID.test(m[1]!) ? m[1]! : null;
}

export const meta: SiteMeta = {
  id,
  label: 'ACL Anthology',
  hosts: ['https://aclanthology.org/*'],
  matches,
  pages:
    'person pages `/people/<name>/`, volumes `/volumes/<volume id>/`, events `/events/<event>/`, one paper `/<anthology id>/`',
  why: 'read the paper entries on ACL Anthology person, volume, event and paper pages and show the toolbar there',
  home: 'https://aclanthology.org/events/acl-2024/',
  aliases: ['aclanthology', 'anthology'],
  idFromUrl(url) {
    const path = anthologyPath(url);
    const found = path && anthologyIdOf(path);
    return found ? siteKey(id, found) : null;
  },
};
