/**
 * Dates: the local calendar date of file names (exports, snapshots); month names as the listed
 * sites print dates, in English whatever the reader's locale ("May 22,
 * 2023", "3 January, 2023", "Sept. 4"): one table for every adapter that reads such a date.
 */

/** The months in order, as the three letters every English name and abbreviation starts with. */
export const MONTHS: readonly string[] = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The month (1-12) an English month name or abbreviation names, in any case: "Jan", "january",
 * "Sept."; 0 for anything else, including fewer than three letters (two could be "Ma"rch or "Ma"y).
 */
export function monthOf(name: string): number {
  return name.length >= 3 ? MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1 : 0;
}

/** The local calendar date, YYYY-MM-DD. */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
