import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { platformLimits, type Platform } from '../calendar/limits';
import { formatLocal, useQueue, useReorderQueue } from './api';

interface QueuedPostsProps {
  companyId: string;
  platform: Platform;
  canEdit: boolean;
}

/**
 * The next posting times of a brand on one network with the posts that hold them. Moving a post up or down swaps it
 * with its neighbour: both keep the times, the posts change places.
 */
export function QueuedPosts({ companyId, platform, canEdit }: QueuedPostsProps) {
  const queue = useQueue(companyId, platform);
  const reorder = useReorderQueue();
  const toast = useToast();
  const name = platformLimits[platform].name;

  return (
    <QueryState query={queue} loadingLabel="Loading the queue" rows={3}>
      {(data) => {
        const posts = data.entries.filter((entry) => entry.postId);
        const move = async (index: number, by: -1 | 1) => {
          const ids = posts.map((entry) => entry.postId!);
          [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
          try {
            await reorder.mutateAsync({ companyId, platform, postIds: ids });
            toast.success(`“${posts[index]!.title}” moved ${by < 0 ? 'up' : 'down'} the queue.`);
          } catch {
            // Shown below from the mutation's error.
          }
        };
        return (
          <div className="stack stack--sm">
            {reorder.error && <Alert tone="error">{errorMessage(reorder.error)}</Alert>}
            {data.entries.length === 0 ? (
              <p className="muted">Nothing is queued for {name}, and there are no posting times yet.</p>
            ) : (
              <ol className="stack stack--sm" aria-label={`Queue for ${name}`}>
                {data.entries.map((entry) => {
                  const index = posts.findIndex((post) => post.postId === entry.postId);
                  return (
                    <li key={`${entry.at}-${entry.postId ?? 'free'}`} className="cluster">
                      <strong>{formatLocal(entry.local)}</strong>
                      <span>{entry.title ?? <span className="muted">Free</span>}</span>
                      {!entry.isSlot && <span className="muted">(a time of its own)</span>}
                      {canEdit && entry.postId && (
                        <>
                          <Button
                            icon="chevronLeft"
                            disabled={index === 0 || reorder.isPending}
                            onClick={() => void move(index, -1)}
                            aria-label={`Move “${entry.title}” earlier`}
                          >
                            Earlier
                          </Button>
                          <Button
                            icon="chevronRight"
                            disabled={index === posts.length - 1 || reorder.isPending}
                            onClick={() => void move(index, 1)}
                            aria-label={`Move “${entry.title}” later`}
                          >
                            Later
                          </Button>
                        </>
                      )}
                    </li>
                  );
                })}
              </ol>
            )}
          </div>
        );
      }}
    </QueryState>
  );
}
