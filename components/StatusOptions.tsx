/**
 * The reading statuses as a <select>'s options, in the toolbar's order and named as in every view
 * (labels.ts STATUS_LABEL). Each select keeps its own attributes and any first option of its own
 * ("All statuses", "Set status…"). The feed toolbar builds its select without Preact
 * (toolbar/ToolbarView) and lists them itself.
 */
import { STATUSES } from '@/lib/status';
import { STATUS_LABEL } from './labels';

export function StatusOptions() {
  return (
    <>
      {STATUSES.map((s) => (
        <option value={s} key={s}>
          {STATUS_LABEL[s]}
        </option>
      ))}
    </>
  );
}
