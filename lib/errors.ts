/** What went wrong, as a sentence for the user: an Error's message, or whatever was thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
