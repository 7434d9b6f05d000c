import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, errorMessage, unwrap } from '../../api';
import type { components } from '../../api/schema.gen';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import { useToast } from '../../components/Toaster';
import { useSession } from '../auth/useSession';

type CalendarLink = components['schemas']['CalendarTokenDto'];

function useCalendarLinkKey() {
  const session = useSession();
  return ['tenant', session?.tenant.id, 'calendar-link', session?.user.id] as const;
}

/**
 * The caller's iCalendar subscription link. The API keeps only a hash of the secret, so a link can be shown only
 * when it is made: it stays on screen for the rest of this visit (kept in memory, never in storage), and making a new
 * one replaces any earlier link, which stops working at once.
 */
export default function CalendarLinkPage() {
  const key = useCalendarLinkKey();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [link, setLink] = useState<CalendarLink | undefined>(() => queryClient.getQueryData<CalendarLink>(key));
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/content/calendar-token')),
    onSuccess: (made) => {
      queryClient.setQueryData(key, made);
      setLink(made);
      setConfirming(false);
      toast.success(link ? 'A new calendar link was made; the old one no longer works.' : 'Your calendar link is ready.');
    },
  });

  return (
    <section className="card" aria-labelledby="calendar-link-title">
      <div className="card__header">
        <div>
          <h2 id="calendar-link-title" className="card__title">
            Calendar subscription
          </h2>
          <p className="card__subtitle">
            See scheduled and published posts in Google Calendar, Outlook or Apple Calendar. The calendar app checks the link for
            changes on its own schedule.
          </p>
        </div>
      </div>
      <div className="card__body stack">
        <Alert tone="info" live={false} title="Keep the link private">
          Anyone with it can read your workspace’s content calendar. It is shown only when it is made; if you lose it, make a new
          one.
        </Alert>
        {link ? (
          <LinkView link={link} />
        ) : (
          <p className="muted">No link is shown yet. Making one replaces any link you made before.</p>
        )}
        <div>
          <Button
            variant={link ? 'secondary' : 'primary'}
            icon={link ? 'refresh' : 'calendar'}
            onClick={() => {
              rotate.reset();
              setConfirming(true);
            }}
          >
            {link ? 'Make a new link' : 'Get my calendar link'}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title={link ? 'Replace your calendar link?' : 'Make a calendar link?'}
        confirmLabel={link ? 'Replace link' : 'Make link'}
        danger={Boolean(link)}
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error) : null}
        onConfirm={() => rotate.mutate()}
        onClose={() => setConfirming(false)}
      >
        {link
          ? 'The current link stops working at once: calendars subscribed to it stop updating until you subscribe them to the new one.'
          : 'If you made a link before, it stops working, and calendars subscribed to it need the new link.'}
      </ConfirmDialog>
    </section>
  );
}

function LinkView({ link }: { link: CalendarLink }) {
  const url = link.feedUrl;
  const webcal = url.replace(/^https?:/, 'webcal:');
  return (
    <div className="stack stack--sm">
      <CopyField
        label="Subscription address"
        value={url}
        noun="address"
        use="In your calendar app, add a calendar “from URL” or “from the internet” and paste this address."
        copiedUse="Paste it where your calendar app asks for a calendar from the internet (a URL)."
      />
      <div>
        <a className="btn btn--ghost btn--sm" href={webcal}>
          <Icon name="external" />
          Open in your calendar app
        </a>
      </div>
    </div>
  );
}
