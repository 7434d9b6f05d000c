import { useState, type ReactNode } from 'react';
import { errorMessage, isApiError } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { hasRole, useSession } from '../auth/useSession';
import { isBrandGuardBlock } from './api';

interface Pending {
  postId: string;
  detail: string;
  retry: (postId: string) => Promise<void>;
}

/**
 * Scheduling refused by the brand check: an admin is asked to confirm (the server records it in the audit log); anyone
 * else sees the server's reason. `offer` returns true when it took the error over.
 */
export function useBrandGuardOverride(): { offer: (error: unknown, retry: Pending['retry']) => boolean; dialog: ReactNode } {
  const isAdmin = hasRole(useSession(), 'admin');
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const offer = (error: unknown, retry: Pending['retry']) => {
    if (!isAdmin || !isBrandGuardBlock(error) || !isApiError(error)) return false;
    setFailure(null);
    setPending({ postId: String(error.problem.postId ?? ''), detail: error.problem.detail ?? '', retry });
    return true;
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await pending.retry(pending.postId);
      setPending(null);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const dialog = (
    <ConfirmDialog
      open={pending !== null}
      title="Schedule despite the brand check?"
      confirmLabel="Schedule anyway"
      onConfirm={confirm}
      onClose={() => setPending(null)}
      pending={busy}
      error={failure}
    >
      {pending?.detail} As an admin you can schedule it anyway; your confirmation is recorded in the audit log.
    </ConfirmDialog>
  );
  return { offer, dialog };
}
