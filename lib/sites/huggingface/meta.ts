/** Hugging Face Papers: what the rest of the extension knows of the site (see ../types.ts SiteMeta). */
import { arxivIdFromPath, arxivKey } from '../../ids';
import type { SiteMeta } from '../types';

/** The site's id: the stored `site` value, this folder's and the entrypoint's name. */
export const id = 'huggingface';

/** The pages its content script runs on (the entrypoint imports only these and the id). */
export const matches = ['https://huggingface.co/papers*'];

export const meta: SiteMeta = {
  id,
  label: 'Hugging Face Papers',
  hosts: ['https://huggingface.co/*'],
  matches,
  pages:
    '`/papers` (today), `/papers/date/YYYY-MM-DD`, `/papers/week/YYYY-Www`, `/papers/month/YYYY-MM`, `/papers/trending`, search results `/papers?q=…`, one paper `/papers/<arXiv id>`',
  why: 'read the paper cards on Hugging Face Papers pages and show the toolbar there; tell open Papers tabs when a paper changes',
  home: 'https://huggingface.co/papers',
  aliases: ['hf'],
  idFromUrl(url) {
    if (url.hostname !== 'huggingface.co' || !url.pathname.startsWith('/papers/')) return null;
    const a = arxivIdFromPath(url.pathname);
    return a && arxivKey(a);
  },
};
