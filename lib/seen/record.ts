/**
 * The seen history's record: one per paper the user had on screen on a supported feed, kept
 * beside (never inside) the saved papers, in the database's `seen` table (db v4).
 */
import { z } from 'zod/mini';
import { httpUrl, nonEmpty, opt, PaperId } from '../draft';

/** What a feed page tells the background of a card the user had on screen (lib/requests `seen`). */
const SIGHTING = {
  /** the paper's canonical id, as a saved paper's */
  id: PaperId,
  title: nonEmpty(),
  authors: z.array(nonEmpty()),
  /** the paper's own page (abstract or paper page, from the card) when the card links one */
  link: opt(httpUrl),
  /** the page it was last seen on, and that page's site id */
  url: httpUrl,
  site: nonEmpty(),
};

export const Sighting = z.strictObject(SIGHTING);
export type Sighting = z.infer<typeof Sighting>;

export const SeenPaper = z.object({
  ...SIGHTING,
  /** ms since 1970 */
  firstSeen: z.number(),
  lastSeen: z.number(),
});
export type SeenPaper = z.infer<typeof SeenPaper>;
