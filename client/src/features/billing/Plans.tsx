import { useRef } from 'react';
import { errorMessage, isApiError, type PlanInfo, type SubscriptionStatus } from '../../api';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { hasRole, useSession } from '../auth/useSession';
import { formatUsd, limitLines, newIdempotencyKey, useCheckout, usePortal } from './api';
import styles from './billing.module.css';

/** The plans with their limits: an admin chooses one at checkout or switches in the billing portal. */
export function Plans({ plans, status }: { plans: PlanInfo[]; status: SubscriptionStatus }) {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const checkout = useCheckout();
  const portal = usePortal();
  const keys = useRef(new Map<string, string>());
  const buying = status.billingEnabled && status.access === 'locked';
  const changing = status.billingEnabled && (status.access === 'subscribed' || status.access === 'pastDue');

  const choose = (plan: string) => {
    let key = keys.current.get(plan);
    if (!key) {
      key = newIdempotencyKey();
      keys.current.set(plan, key);
    }
    checkout.mutate({ plan, idempotencyKey: key }, { onSuccess: ({ url }) => window.location.assign(url) });
  };
  const failure = checkout.error ?? portal.error;
  const billingOff = isApiError(failure) && failure.status === 409 && /billing is off/i.test(failure.userMessage);

  return (
    <section aria-labelledby="plans-title" className="stack stack--sm">
      <h2 id="plans-title" className={styles.sectionTitle}>
        Plans
      </h2>
      {failure &&
        (billingOff ? (
          <Alert tone="info" title="Billing is off on this self-hosted instance">
            {errorMessage(failure)}
          </Alert>
        ) : (
          <Alert tone="error">{errorMessage(failure)}</Alert>
        ))}
      {(buying || changing) && !isAdmin && <p className="small muted">Only an admin of this workspace can change the plan.</p>}
      <ul className={styles.plans}>
        {plans.map((plan) => {
          const current = plan.code === status.plan && status.access !== 'locked';
          const pending = (checkout.isPending || checkout.isSuccess) && checkout.variables?.plan === plan.code;
          return (
            <li key={plan.code} className={current ? `${styles.plan} ${styles.planCurrent}` : styles.plan}>
              <div className={styles.planHead}>
                <h3 className={styles.planName}>{plan.name}</h3>
                {current && <Badge tone="primary">Current plan</Badge>}
              </div>
              <p className={styles.price}>
                <span className={styles.amount}>{formatUsd(plan.monthlyPriceUsd)}</span>
                <span className="muted"> / month</span>
              </p>
              <ul className={styles.features}>
                {limitLines(plan.limits).map((line) => (
                  <li key={line}>
                    <Icon name="check" />
                    {line}
                  </li>
                ))}
              </ul>
              {isAdmin && buying && (
                <Button variant="primary" block loading={pending} disabled={checkout.isPending} onClick={() => choose(plan.code)}>
                  Choose {plan.name}
                </Button>
              )}
              {isAdmin && changing && !current && (
                <Button
                  block
                  loading={portal.isPending || portal.isSuccess}
                  onClick={() => portal.mutate(undefined, { onSuccess: ({ url }) => window.location.assign(url) })}
                >
                  Switch in the billing portal
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
