import { ButtonLink } from '../../components/Button';
import { ErrorState } from '../../components/States';
import { Icon } from '../../components/Icon';
import { formatPrice, usePlans, type Plan } from './plans';
import styles from './landing.module.css';

/** Plans from the API. Hidden while the API has no plans endpoint; a retry when it could not be reached. */
export function PricingSection() {
  const plans = usePlans();
  if (plans.isPending || plans.data === null) return null;
  if (plans.isSuccess && plans.data.length === 0) return null;

  return (
    <section id="pricing" className={styles.section} aria-labelledby="pricing-title">
      <div className={styles.container}>
        <div className={styles.sectionHead}>
          <p className={styles.eyebrow}>Pricing</p>
          <h2 id="pricing-title" className={styles.sectionTitle}>
            Simple plans that grow with your brands
          </h2>
          <p className={styles.sectionText}>Start with one brand. Upgrade when you add more, or your team.</p>
        </div>
        {plans.isError ? (
          <div className="card">
            <ErrorState
              error={plans.error}
              onRetry={() => void plans.refetch()}
              retrying={plans.isFetching}
              title="Prices could not load"
            />
          </div>
        ) : (
          <ul className={styles.plans}>
            {plans.data.map((plan, index, all) => (
              <PlanCard key={plan.id} plan={plan} featured={all.length > 1 && index === 1} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function PlanCard({ plan, featured }: { plan: Plan; featured: boolean }) {
  const price = formatPrice(plan);
  return (
    <li className={featured ? `${styles.plan} ${styles.planFeatured}` : styles.plan}>
      {featured && <span className={styles.planBadge}>Most popular</span>}
      <h3 className={styles.planName}>{plan.name}</h3>
      {plan.description && <p className={styles.planDescription}>{plan.description}</p>}
      {price && (
        <p className={styles.planPrice}>
          <span className={styles.planAmount}>{price}</span>
          <span className="muted"> / month</span>
        </p>
      )}
      {plan.features.length > 0 && (
        <ul className={styles.planFeatures}>
          {plan.features.map((feature) => (
            <li key={feature}>
              <Icon name="check" />
              {feature}
            </li>
          ))}
        </ul>
      )}
      <ButtonLink to="/sign-up" variant={featured ? 'primary' : 'secondary'} block>
        Start with {plan.name}
      </ButtonLink>
    </li>
  );
}
