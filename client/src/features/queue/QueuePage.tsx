import { useState } from 'react';
import { SelectField } from '../../components/form/Fields';
import { QueryState } from '../../components/States';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands } from '../brands/api';
import { platformLimits, type Platform } from '../calendar/limits';
import { useQueueSlots } from './api';
import { SuggestedQueueTimes } from '../analytics/SuggestedQueueTimes';
import { QueuedPosts } from './QueuedPosts';
import { SlotsForm } from './SlotsForm';

const platforms = Object.keys(platformLimits) as Platform[];

/**
 * The posting queue: for a brand and a network, the weekly times "Add to queue" fills (in the workspace's time zone),
 * and the posts queued in them, which can be moved earlier or later.
 */
export default function QueuePage() {
  const session = useSession();
  const canEdit = hasRole(session, 'editor');
  const brands = useBrands();
  const [companyId, setCompanyId] = useState('');
  const [platform, setPlatform] = useState<Platform>('linkedIn');
  const slots = useQueueSlots(companyId);
  const name = platformLimits[platform].name;

  return (
    <div className="stack">
      <section className="card" aria-labelledby="queue-times-title">
        <div className="card__header">
          <div>
            <h2 id="queue-times-title" className="card__title">
              Posting times
            </h2>
            <p className="card__subtitle">
              “Add to queue” in the composer puts a post in the next of these times that no other post of the brand holds on that
              network. Times are wall-clock times in the workspace’s time zone, also when the clocks change.
            </p>
          </div>
        </div>
        <div className="card__body stack">
          <div className="cluster">
            <SelectField label="Brand" value={companyId} onChange={(event) => setCompanyId(event.target.value)}>
              <option value="">Posts without a brand</option>
              {(brands.data ?? []).map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.name}
                </option>
              ))}
            </SelectField>
            <SelectField label="Network" value={platform} onChange={(event) => setPlatform(event.target.value as Platform)}>
              {platforms.map((value) => (
                <option key={value} value={value}>
                  {platformLimits[value].name}
                </option>
              ))}
            </SelectField>
          </div>
          <QueryState query={slots} loadingLabel="Loading posting times" rows={2}>
            {(data) =>
              canEdit ? (
                <>
                  <SlotsForm
                    key={`${companyId}-${platform}-${data.slots.length}`}
                    companyId={companyId}
                    platform={platform}
                    timeZone={data.timeZone}
                    slots={data.slots.filter((slot) => slot.platform === platform)}
                  />
                  <SuggestedQueueTimes
                    companyId={companyId}
                    platform={platform}
                    slots={data.slots.filter((slot) => slot.platform === platform)}
                  />
                </>
              ) : (
                <p className="muted">Editors and admins set the posting times.</p>
              )
            }
          </QueryState>
        </div>
      </section>
      <section className="card" aria-labelledby="queue-posts-title">
        <div className="card__header">
          <h2 id="queue-posts-title" className="card__title">
            Queue for {name}
          </h2>
        </div>
        <div className="card__body">
          <QueuedPosts companyId={companyId} platform={platform} canEdit={canEdit} />
        </div>
      </section>
    </div>
  );
}
