/** Counts as the reading list says them (the popup is English). */

let countFormat: Intl.NumberFormat | undefined;

/** 1234 -> "1,234". */
export function formatCount(n: number): string {
  // One formatter for every render: toLocaleString builds one per call, on every keystroke.
  countFormat ??= new Intl.NumberFormat('en-US');
  return countFormat.format(n);
}

/** "1 paper", "3 papers", "10,000 papers". */
export function papersCount(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'paper' : 'papers'}`;
}
