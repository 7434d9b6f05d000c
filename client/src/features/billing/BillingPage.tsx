import { useSearchParams } from 'react-router';
import { errorMessage, type SubscriptionStatus } from '../../api';
import { BillingHistorySection } from './BillingHistorySection';
import { Plans } from './Plans';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { ErrorState, LoadingState, QueryState } from '../../components/States';
import { hasRole, useSession } from '../auth/useSession';
import { limitLines, usePlanList, usePortal, useSubscriptionStatus } from './api';
import styles from './billing.module.css';

const statusBadges: Record<SubscriptionStatus['access'], { label: string; tone: 'success' | 'warning' | 'danger' | 'primary' }> =
  {
    selfHosted: { label: 'Self-hosted', tone: 'primary' },
    subscribed: { label: 'Active', tone: 'success' },
    pastDue: { label: 'Payment past due', tone: 'warning' },
    locked: { label: 'No active plan', tone: 'danger' },
  };

/** Stripe sends the buyer back here: ?checkout=success&session_id=… or ?checkout=cancelled (README, Billing). */
export default function BillingPage() {
  const [params, setParams] = useSearchParams();
  const returned = params.get('checkout');
  const status = useSubscriptionStatus({ awaitingCheckout: returned === 'success' });
  const plans = usePlanList();
  const dismiss = () => setParams({}, { replace: true });
  const isAdmin = hasRole(useSession(), 'admin');

  return (
    <div className="stack">
      {returned === 'success' && <CheckoutReturn status={status.data} onDismiss={dismiss} />}
      {returned === 'cancelled' && (
        <div className={styles.notice}>
          <Alert tone="info" title="Checkout was cancelled">
            Nothing was charged and your plan is unchanged.
          </Alert>
          <Button size="sm" variant="ghost" onClick={dismiss} aria-label="Dismiss the notice">
            <Icon name="x" />
          </Button>
        </div>
      )}
      <QueryState query={status} loadingLabel="Loading your plan" rows={4}>
        {(current) => (
          <>
            {!current.billingEnabled && (
              <Alert tone="info" title="Billing is off on this self-hosted instance" live={false}>
                Every workspace here has the {current.planName} plan. There is nothing to buy: the plans are shown for reference.
              </Alert>
            )}
            <CurrentPlan status={current} />
            {current.billingEnabled && isAdmin && <BillingHistorySection />}
            {plans.isPending ? (
              <div className="card">
                <LoadingState label="Loading the plans" rows={3} />
              </div>
            ) : plans.isError ? (
              <div className="card">
                <ErrorState
                  error={plans.error}
                  onRetry={() => void plans.refetch()}
                  retrying={plans.isFetching}
                  title="The plans could not load"
                />
              </div>
            ) : (
              <Plans plans={plans.data.plans} status={current} />
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}

function CheckoutReturn({ status, onDismiss }: { status?: SubscriptionStatus; onDismiss: () => void }) {
  const active = status?.access === 'subscribed';
  return (
    <div className={styles.notice}>
      {active ? (
        <Alert tone="success" title="Thank you: your subscription is active">
          You are on the {status.planName} plan.
        </Alert>
      ) : (
        <Alert tone="info" title="Payment received">
          Stripe is confirming your subscription; this page updates as soon as it does (usually within seconds).
        </Alert>
      )}
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label="Dismiss the notice">
        <Icon name="x" />
      </Button>
    </div>
  );
}

function CurrentPlan({ status }: { status: SubscriptionStatus }) {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const portal = usePortal();
  const badge = statusBadges[status.access];
  const brandLimit = status.limits.brands;
  const canManage = status.billingEnabled && (status.access === 'subscribed' || status.access === 'pastDue');

  return (
    <section className="card" aria-labelledby="current-plan">
      <div className="card__header">
        <div>
          <p className={styles.eyebrow}>Current plan</p>
          <h2 id="current-plan" className={styles.planTitle}>
            {status.planName}
          </h2>
        </div>
        <Badge tone={badge.tone}>{badge.label}</Badge>
      </div>
      <div className="card__body stack">
        {status.billingEnabled && <p className="muted">{status.summary}</p>}
        {status.paidFeaturesLocked && (
          <Alert tone="warning" live={false}>
            New brands, AI requests, automation and invitations are locked until a plan is active. Everything already made stays
            readable and editable.
          </Alert>
        )}
        <div className={styles.usage}>
          <div className={styles.usageHead}>
            <span className="small" style={{ fontWeight: 600 }}>
              Brands
            </span>
            <span className="small muted">
              {brandLimit == null ? `${status.usage.brands} · unlimited` : `${status.usage.brands} of ${brandLimit}`}
            </span>
          </div>
          {brandLimit != null && (
            <div
              className={styles.meter}
              role="meter"
              aria-label="Brands used"
              aria-valuemin={0}
              aria-valuemax={brandLimit}
              aria-valuenow={Math.min(status.usage.brands, brandLimit)}
              aria-valuetext={`${status.usage.brands} of ${brandLimit} brands`}
              data-full={status.usage.brands >= brandLimit || undefined}
            >
              <span style={{ width: `${Math.min(100, (status.usage.brands / Math.max(1, brandLimit)) * 100)}%` }} />
            </div>
          )}
        </div>
        <ul className={styles.features}>
          {limitLines(status.limits).map((line) => (
            <li key={line}>
              <Icon name="check" />
              {line}
            </li>
          ))}
        </ul>
        {canManage &&
          (isAdmin ? (
            <div className="stack stack--sm">
              {portal.isError && <Alert tone="error">{errorMessage(portal.error)}</Alert>}
              <div>
                <Button
                  icon="card"
                  loading={portal.isPending || portal.isSuccess}
                  onClick={() => portal.mutate(undefined, { onSuccess: ({ url }) => window.location.assign(url) })}
                >
                  Manage billing
                </Button>
              </div>
              <p className="small muted">Change plan, payment method or cancel in Stripe’s billing portal.</p>
            </div>
          ) : (
            <p className="small muted">An admin of this workspace manages billing.</p>
          ))}
      </div>
    </section>
  );
}
