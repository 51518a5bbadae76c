/** The last failure, as an alert with Dismiss when it can be dismissed (the reading list, This page). */
export function ErrorBar({ error, onDismiss }: { error: string | null | undefined; onDismiss?(): void }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      <span>{error}</span>
      {onDismiss && (
        <button type="button" class="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
