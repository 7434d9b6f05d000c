import { errorMessage } from '../../api';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toaster';
import { useQueueContent } from '../calendar/api';
import type { ContentItem } from '../calendar/types';
import { formatLocal } from './api';

interface QueueButtonProps {
  item: ContentItem;
  approvalRequired: boolean;
  /** Says why the server refused, where the dialog shows its failures. */
  onFailure: (message: string | null) => void;
}

/** "Add to queue" for a post that may be scheduled now: approved, or any draft where no approval is needed. */
export function QueueButton({ item, approvalRequired, onFailure }: QueueButtonProps) {
  const queue = useQueueContent();
  const toast = useToast();
  const ready = ['approved', 'failed', 'cancelled'].includes(item.state) || (!approvalRequired && item.state === 'draft');
  if (!ready) return null;
  return (
    <Button
      icon="clock"
      loading={queue.isPending}
      onClick={() => {
        onFailure(null);
        queue.mutateAsync(item.id).then(
          (queued) => toast.success(`“${item.title}” is queued for ${formatLocal(queued.scheduledLocal ?? '')}.`),
          (error: unknown) => onFailure(errorMessage(error)),
        );
      }}
    >
      Add to queue
    </Button>
  );
}
