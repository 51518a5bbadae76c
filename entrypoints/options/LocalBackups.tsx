/**
 * The options page's Local backups (components/options/SnapshotsSection) wired to
 * lib/backups/snapshots: the snapshots the background keeps, and Restore (a merge).
 */
import { useEffect, useState } from 'preact/hooks';
import { SnapshotsSection, type SnapshotsSectionProps } from '@/components/options/SnapshotsSection';
import { restoreSnapshot } from '@/lib/backups/restore';
import { listSnapshots, snapshotFolder } from '@/lib/backups/snapshots';
import { errorMessage } from '@/lib/errors';
import type { Library } from '@/lib/library';

export function LocalBackups({ library }: { library: Library }) {
  const [snapshots, setSnapshots] = useState<SnapshotsSectionProps['snapshots']>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<SnapshotsSectionProps['status']>(null);

  useEffect(() => {
    snapshotFolder()
      .then((dir): Promise<SnapshotsSectionProps['snapshots']> => (dir ? listSnapshots(dir) : Promise.resolve('unavailable')))
      .then(setSnapshots, () => setSnapshots('unavailable'));
  }, []);

  const onRestore = async (name: string) => {
    setBusy(true);
    setStatus(null);
    try {
      const dir = await snapshotFolder();
      const out = dir ? await restoreSnapshot(library, dir, name) : { ok: false as const, error: 'no local snapshots here' };
      if (out.ok) setStatus({ kind: 'ok', text: `Restored ${name}: ${out.counts.added} papers back, ${out.counts.updated} updated, ${out.counts.unchanged} unchanged.` });
      else setStatus({ kind: 'error', text: `Could not restore ${name}: ${out.error}` });
    } catch (err) {
      setStatus({ kind: 'error', text: `Could not restore ${name}: ${errorMessage(err)}` });
    } finally {
      setBusy(false);
    }
  };

  return <SnapshotsSection snapshots={snapshots} busy={busy} status={status} onRestore={(n) => void onRestore(n)} />;
}
