/**
 * Options page: a button that asks before it acts. The button shows `label`; clicked, it gives way
 * to `question` with a danger button (`confirmLabel`) that acts and a Cancel that goes back. What
 * the action did is the section's to say (its own status line). Props in, callbacks out.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface ConfirmActionProps {
  /** the first button's text */
  label: ComponentChildren;
  disabled: boolean;
  /** what the user is asked, once the first button is clicked */
  question: ComponentChildren;
  /** the danger button's text */
  confirmLabel: string;
  /** the first button was clicked (a section clears the outcome of the last action) */
  onAsk(): void;
  /** the user confirmed */
  onConfirm(): void;
}

export function ConfirmAction({ label, disabled, question, confirmLabel, onAsk, onConfirm }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <div class="actions">
      {!confirming ? (
        <button type="button" class="button" disabled={disabled} onClick={() => (onAsk(), setConfirming(true))}>
          {label}
        </button>
      ) : (
        <>
          <span>{question}</span>
          <button
            type="button"
            class="button danger"
            onClick={() => {
              setConfirming(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      )}
    </div>
  );
}
