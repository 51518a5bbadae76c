/**
 * What a site adapter extracts from one card (PaperDraft) and the pieces it is made of. The
 * content scripts import only its types: what they extract is parsed with these schemas where it
 * crosses into the extension (the background's messages, lib/requests.ts), and by extractAll()
 * in the CLI and the tests, so no feed page loads zod.
 */
import { z } from 'zod/mini';
import { MIN_ID_LENGTH } from './ids';

export { STATUSES, type Status } from './status';

// zod/mini: the same validation with a fraction of the bundle.
export const str = () => z.string();
export const nonEmpty = () => z.string().check(z.minLength(1));
const count = () => z.number().check(z.refine((n) => Number.isInteger(n) && n >= 0, 'must be a whole number, 0 or more'));
export const opt = z.optional;

/** An absolute http(s) URL (parsed by the platform's URL, which is what links will use). */
export const httpUrl = z.string().check(z.refine(isHttpUrl, 'must be an http(s) URL'));

function isHttpUrl(u: string): boolean {
  // An http(s) URL that parses always has a host ("http:///x" parses as http://x/): canParse says
  // as much as parsing it would, without making the URL object (an import checks tens of thousands).
  return /^https?:\/\//i.test(u) && URL.canParse(u);
}

/** YYYY-MM-DD */
export const IsoDate = z.string().check(z.refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'must be YYYY-MM-DD'));

export const Links = z.object({
  page: opt(httpUrl),
  abs: opt(httpUrl),
  pdf: opt(httpUrl),
  code: opt(httpUrl),
  project: opt(httpUrl),
  /** the site's BibTeX for the paper */
  bib: opt(httpUrl),
  /** supplementary material */
  supp: opt(httpUrl),
});
export type Links = z.infer<typeof Links>;

/** Feed signals: numbers the site shows that change over time. */
export const Signals = z.object({
  upvotes: opt(count()),
  comments: opt(count()),
  githubRepo: opt(httpUrl),
  githubStars: opt(count()),
  organization: opt(nonEmpty()),
  keywords: opt(z.array(nonEmpty())),
  /** "Cited by N" (Google Scholar) */
  citedBy: opt(count()),
});
export type Signals = z.infer<typeof Signals>;

/** A paper's id: its canonical key, see lib/ids.ts. */
export const PaperId = z.string().check(z.minLength(MIN_ID_LENGTH));

/**
 * The bibliographic fields, in the order records and exports list them; shared by the draft and
 * the stored record (lib/paper.ts SavedPaper). Stored records accept empty authors and abstract
 * (imports); a draft does not (below).
 */
export const BIBLIOGRAPHIC = {
  title: nonEmpty(),
  authors: z.array(str()),
  /** set when the card shows only a count ("11 authors") or the list is partial */
  authorCount: opt(count()),
  abstract: opt(str()),
  publishedAt: opt(IsoDate),
  arxivId: opt(str()),
  arxivVersion: opt(z.number().check(z.refine((n) => Number.isInteger(n) && n > 0, 'must be a whole number, 1 or more'))),
  doi: opt(str()),
  /** where it was published, as the site names it ("ICCV 2015", "NeurIPS 2019", "Nature 12(3):45-67") */
  venue: opt(nonEmpty()),
  /** the year of publication, when no full date is known (publishedAt wins when both are) */
  year: opt(z.number().check(z.refine((n) => Number.isInteger(n) && n >= 1000 && n <= 9999, 'must be a four-digit year'))),
  /** arXiv "Comments:" line (pages, venue, …) */
  comments: opt(str()),
  /** subject classes, primary first (cs.LG, hep-th) */
  subjects: opt(z.array(str())),
  links: Links,
  thumbnail: opt(httpUrl),
  signals: Signals,
};

/** What a site adapter extracts from one card. Deterministic: no clocks. */
export const PaperDraft = z.object({
  id: PaperId,
  site: nonEmpty(),
  /** the URL of the page the card was found on */
  pageUrl: httpUrl,
  /** the paper's own id on `site`, where the site has one (an OpenReview forum id, a PubMed id) */
  siteId: opt(nonEmpty()),
  ...BIBLIOGRAPHIC,
  // (keys redefined after the spread keep their place in the order)
  authors: z.array(nonEmpty()),
  abstract: opt(nonEmpty()),
});
export type PaperDraft = z.infer<typeof PaperDraft>;
