/**
 * The options page's "Seen history" (components/options/SeenSection) wired to lib/settings (the
 * switch, the retention, what read cards do) and lib/seen/list-seen (how many seen papers are
 * stored, and clearing them).
 */
import { useEffect, useState } from 'preact/hooks';
import { SeenSection } from '@/components/options/SeenSection';
import { errorMessage } from '@/lib/errors';
import { getSeenHistory, type SeenHistory } from '@/lib/seen/list-seen';
import { loadSettings, saveSettings, watchSettings, type Settings } from '@/lib/settings';
import './seen.css';

export interface SeenOptionsProps {
  /** the extension's seen history by default (tests pass one on a test database) */
  history?: Pick<SeenHistory, 'count' | 'clear'>;
}

export function SeenOptions({ history = getSeenHistory() }: SeenOptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [count, setCount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadSettings().then(
      (s) => live && setSettings(s),
      (err: unknown) => live && setError(`Could not load settings: ${errorMessage(err)}`),
    );
    history.count().then(
      (n) => live && setCount(n),
      () => {}, // the button then says no count
    );
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, [history]);

  const save = (patch: Partial<Settings>) => {
    setError(null);
    setSettings((s) => (s ? { ...s, ...patch } : s));
    // (saveSettings runs one save after another: quick changes do not race)
    void saveSettings(patch).then(setSettings, (err: unknown) => {
      setError(`Could not save settings: ${errorMessage(err)}`);
      return loadSettings().then(setSettings, () => undefined);
    });
  };

  const clear = async () => {
    const n = await history.clear();
    setCount(0);
    return n;
  };

  return (
    <>
      <SeenSection
        settings={settings}
        count={count}
        onHistory={(on) => save({ seenHistory: on })}
        onRetention={(days) => save({ seenRetentionDays: days })}
        onReadCards={(readCards) => save({ readCards })}
        onClear={clear}
      />
      {error && (
        <p class="notice notice-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
