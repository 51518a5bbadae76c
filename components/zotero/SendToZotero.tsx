/**
 * "Send to Zotero" for one paper (the details view) or a selection (the bulk bar): the button,
 * the question asked before sending again what was sent before, and what came of it. `onSend` is
 * called straight from the click, nothing awaited before it: the page asks the browser for access
 * to Zotero there, which the browser allows only in answer to a click. Props in, callbacks out.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { errorMessage } from '@/lib/errors';
import type { ZoteroReport } from '@/lib/exchange/zotero-ask';
import { formatCount } from '../list/counts';
import { formatDay } from '../PaperRow';
import './zotero.css';

export interface SendToZoteroProps {
  /** how many papers the button sends */
  count: number;
  /** how many of them were sent to Zotero before */
  sentBefore: number;
  /** one paper: when it was last sent */
  sentAt?: number;
  /** send all of them, or only those never sent; called from the click itself */
  onSend(onlyUnsent: boolean): Promise<ZoteroReport>;
  /** in the bulk bar: what is sent ("the 3 selected papers"); the button then reads "Zotero" */
  what?: string;
}

type State = { step: 'idle' } | { step: 'confirm' } | { step: 'sending' } | { step: 'done'; report: ZoteroReport };

export function SendToZotero({ count, sentBefore, sentAt, onSend, what }: SendToZoteroProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  // Back from the question (Cancel, or the send it led to is over): focus returns to the button
  // that asked it, not to the page.
  const asked = useRef(false);
  useEffect(() => {
    if (state.step === 'confirm') asked.current = true;
    else if (asked.current && state.step !== 'sending') {
      asked.current = false;
      button.current?.focus();
    }
  }, [state.step]);
  const one = count === 1;
  const send = (onlyUnsent: boolean) => {
    const sending = onSend(onlyUnsent);
    setState({ step: 'sending' });
    sending.then(
      (report) => setState({ step: 'done', report }),
      (err: unknown) => setState({ step: 'done', report: { ok: false, message: `Could not send to Zotero: ${errorMessage(err)}` } }),
    );
  };
  const start = () => (sentBefore > 0 ? setState({ step: 'confirm' }) : send(false));
  const unsent = count - sentBefore;

  return (
    <div class="zotero" role="group" aria-label="Zotero">
      {one && sentAt !== undefined && <p class="zotero-sent">{`Sent to Zotero on ${formatDay(sentAt)}.`}</p>}
      {state.step === 'confirm' ? (
        <div class="zotero-confirm" role="alertdialog" aria-label="Send again?">
          <p>
            {one
              ? 'This paper is in Zotero already: sending it again adds a second copy there.'
              : `${formatCount(sentBefore)} of the ${formatCount(count)} selected papers were sent to Zotero before: sending them again adds second copies there.`}
          </p>
          <button type="button" class="button" onClick={() => send(false)}>
            {one ? 'Send again' : `Send all ${formatCount(count)}`}
          </button>
          {!one && unsent > 0 && (
            <button type="button" class="button" onClick={() => send(true)}>
              {`Send only the ${formatCount(unsent)} not sent`}
            </button>
          )}
          <button type="button" class="button" onClick={() => setState({ step: 'idle' })}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          ref={button}
          type="button"
          class="button zotero-send"
          disabled={state.step === 'sending'}
          aria-label={what ? `Send ${what} to Zotero` : sentAt !== undefined ? 'Send to Zotero again' : 'Send to Zotero'}
          onClick={start}
        >
          {state.step === 'sending' ? 'Sending…' : what ? 'Zotero' : sentAt !== undefined ? 'Send again…' : 'Send to Zotero'}
        </button>
      )}
      <p class={`zotero-report${state.step === 'done' && !state.report.ok ? ' failed' : ''}`} role="status">
        {state.step === 'done' ? state.report.message : ''}
      </p>
    </div>
  );
}
