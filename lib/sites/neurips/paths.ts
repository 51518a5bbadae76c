/**
 * NeurIPS proceedings URLs: the page kinds, the year a URL names and a paper's own id. Shared by
 * the adapter and the metadata (idFromUrl).
 */

const HOSTS = ['papers.nips.cc', 'proceedings.neurips.cc'];

/** papers.nips.cc until 2020: /book/advances-in-neural-information-processing-systems-32-2019 */
const BOOK_OLD = /^\/book\/[a-z0-9-]+-(\d{4})\/?$/;
/** today's year listing: /paper_files/paper/2023 (2020-2022: /paper/2020) */
const BOOK = /^\/(?:paper_files\/)?paper\/(\d{4})\/?$/;
/** papers.nips.cc until 2020: /paper/8296-multimodal-model-agnostic-meta-learning-via-… */
const PAPER_OLD = /^\/paper\/(\d+)-[\w-]+\/?$/;
/** /paper_files/paper/2023/hash/<md5>-Abstract-Conference.html (2020-2022: /paper/2020/hash/…) */
const PAPER = /^\/(?:paper_files\/)?paper\/(\d{4})\/hash\/([0-9a-f]{32})-Abstract(-[A-Za-z_]+)?\.html$/;

export type NeuripsKind = 'book' | 'paper';

export interface NeuripsPage {
  kind: NeuripsKind;
  /** the year the URL names (old paper pages name none) */
  year?: number;
  /** a paper's own id: its number on the old site (8296), its hash on today's */
  paperId?: string;
}

/** What a NeurIPS proceedings URL is (null: not a page PaperShelf reads). */
export function siteOf(url: URL): NeuripsPage | null {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !HOSTS.includes(url.hostname)) return null;
  const path = url.pathname;
  let m = BOOK_OLD.exec(path) ?? BOOK.exec(path);
  if (m) return { kind: 'book', year: Number(m[1]) };
  m = PAPER.exec(path);
  if (m) return { kind: 'paper', year: Number(m[1]), paperId: m[2] };
  m = PAPER_OLD.exec(path);
  if (m) return { kind: 'paper', paperId: m[1] };
  return null;
}

/**
 * The PDF of a paper page, by the site's naming: /paper/8296-slug -> /paper/8296-slug.pdf;
 * …/hash/<md5>-Abstract-Conference.html -> …/file/<md5>-Paper-Conference.pdf.
 */
export function pdfOf(page: URL): string | undefined {
  if (PAPER_OLD.test(page.pathname)) return `${page.origin}${page.pathname.replace(/\/$/, '')}.pdf`;
  const m = PAPER.exec(page.pathname);
  if (!m) return undefined;
  return `${page.origin}${page.pathname.replace('/hash/', '/file/').replace(/-Abstract(-[A-Za-z_]+)?\.html$/, '-Paper$1.pdf')}`;
}
