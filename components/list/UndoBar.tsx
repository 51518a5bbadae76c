/** The "Removed … Undo" notice of the reading list. */
import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The "Removed … Undo" notice; a new key restarts its timer. */
export interface UndoNotice {
  key: number;
  /** ids of the removed papers (focus returns to the first one after Undo) */
  ids: string[];
  /** what was removed, as the notice says it: “Title” or "3 papers" */
  what: string;
}

/** How long the Undo bar stays, unless hovered or focused. */
export const UNDO_TIMEOUT_MS = 8000;

interface UndoBarProps {
  /** “Title” or "3 papers" */
  what: string;
  timeoutMs: number;
  onUndo(): void;
  onExpired(): void;
  buttonRef: RefObject<HTMLButtonElement | null>;
}

/** "Removed “title”. Undo" — goes away after timeoutMs, but not while hovered or focused. */
export function UndoBar({ what, timeoutMs, onUndo, onExpired, buttonRef }: UndoBarProps) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const expired = useRef(onExpired);
  expired.current = onExpired;
  const paused = hovered || focused;
  useEffect(() => {
    if (paused) return;
    const t = setTimeout(() => expired.current(), timeoutMs);
    return () => clearTimeout(t);
  }, [paused, timeoutMs]);
  return (
    <div
      class="undo"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocusIn={() => setFocused(true)}
      onFocusOut={() => setFocused(false)}
    >
      <span class="undo-text">{`Removed ${what}.`}</span>{' '}
      <button type="button" class="button undo-button" ref={buttonRef} onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
