import { useState } from 'react';
import { errorMessage } from '../../../api';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { useToast } from '../../../components/Toaster';
import type { ContentItem } from '../types';
import { useSkipOccurrence } from './api';
import { ContinueSeriesForm } from './ContinueSeriesForm';

const skippable = new Set(['draft', 'inReview', 'approved', 'scheduled', 'failed', 'unconfirmed']);

/**
 * For a post of a recurring series: skip just this one, or change this one and the ones after it. Changing only this
 * post is the ordinary edit.
 */
export function SeriesActions({ item, canWrite, onDone }: { item: ContentItem; canWrite: boolean; onDone: () => void }) {
  const skip = useSkipOccurrence();
  const toast = useToast();
  const [changing, setChanging] = useState(false);
  if (!item.seriesId || item.seriesIndex === null || item.seriesIndex === undefined) return null;
  const index = item.seriesIndex;

  return (
    <section className="stack stack--sm" aria-label="Recurring post">
      <p className="small muted">
        Post {index + 1} of a recurring post. Editing changes only this one; skipping leaves the others as they are.
      </p>
      {skip.error && <Alert tone="error">{errorMessage(skip.error)}</Alert>}
      {canWrite && (
        <div className="cluster">
          {skippable.has(item.state) && (
            <Button
              size="sm"
              icon="x"
              loading={skip.isPending}
              onClick={() =>
                skip.mutate(item.id, {
                  onSuccess: () => {
                    toast.success(`This “${item.title}” is skipped; the other posts of the series stay.`);
                    onDone();
                  },
                })
              }
            >
              Skip this post
            </Button>
          )}
          <Button size="sm" icon="pencil" onClick={() => setChanging((open) => !open)} aria-expanded={changing}>
            Change this and the following posts
          </Button>
        </div>
      )}
      {changing && <ContinueSeriesForm item={item} seriesId={item.seriesId} index={index} onDone={onDone} />}
    </section>
  );
}
