import { Link } from 'react-router';
import { ButtonLink } from '../../components/Button';
import { Icon, type IconName } from '../../components/Icon';
import { ErrorState, LoadingState } from '../../components/States';
import { useSubscriptionStatus } from '../billing/api';
import { useOnboardingProgress } from '../onboarding/api';
import { stepCount, steps as setupSteps } from '../onboarding/stepList';
import styles from './dashboard.module.css';

interface StatProps {
  icon: IconName;
  label: string;
  value: number | null;
  to: string;
  error: boolean;
}

/** One figure of the workspace, linking to where it comes from. */
export function Stat({ icon, label, value, to, error }: StatProps) {
  return (
    <Link to={to} className={`card ${styles.stat} ${styles.statLink}`}>
      <span className={styles.statIcon}>
        <Icon name={icon} />
      </span>
      <div className="stat">
        <span className="stat__label">{label}</span>
        <span className="stat__value">
          {value !== null ? (
            value
          ) : error ? (
            '–'
          ) : (
            <>
              <span className="skeleton" style={{ width: 40, height: 32 }} aria-hidden="true" />
              <span className="visually-hidden">Loading</span>
            </>
          )}
        </span>
      </div>
    </Link>
  );
}

/** Where the five-step brand setup stands, with a way into it. */
export function SetupCard({ canEdit }: { canEdit: boolean }) {
  const progress = useOnboardingProgress();
  const done = new Set(progress.data?.completedSteps ?? []);
  const count = setupSteps.filter((step) => done.has(step.number)).length;
  const next = setupSteps.find((step) => !done.has(step.number));
  return (
    <section className="card" aria-labelledby="setup-title">
      <div className="card__header">
        <div>
          <h2 id="setup-title" className="card__title">
            Brand setup
          </h2>
          {progress.isSuccess && (
            <p className="card__subtitle">
              {progress.data.completed ? 'All five steps done' : `${count} of ${stepCount} steps done`}
            </p>
          )}
        </div>
        {progress.isSuccess && (canEdit || count > 0) && (
          <ButtonLink to="/app/onboarding" size="sm" variant={progress.data.completed ? 'ghost' : 'primary'}>
            {progress.data.completed ? 'Review' : count === 0 ? 'Start setup' : 'Continue setup'}
          </ButtonLink>
        )}
      </div>
      {progress.isPending ? (
        <LoadingState label="Loading the brand setup" rows={2} />
      ) : progress.isError ? (
        <ErrorState error={progress.error} onRetry={() => void progress.refetch()} retrying={progress.isFetching} />
      ) : (
        <div className="card__body stack stack--sm">
          <div
            className={styles.meter}
            role="progressbar"
            aria-label="Brand setup"
            aria-valuemin={0}
            aria-valuemax={stepCount}
            aria-valuenow={count}
            aria-valuetext={`${count} of ${stepCount} steps done`}
          >
            <span style={{ width: `${(count / stepCount) * 100}%` }} />
          </div>
          <ol className={styles.setupSteps}>
            {setupSteps.map((step, index) => (
              <li key={step.number} data-done={done.has(step.number) || undefined}>
                <span className={styles.miniCheck} aria-hidden="true">
                  {done.has(step.number) ? <Icon name="check" /> : index + 1}
                </span>
                {step.short}
                {done.has(step.number) && <span className="visually-hidden"> (done)</span>}
              </li>
            ))}
          </ol>
          {next && (
            <p className="small muted">
              Next, {next.title.toLowerCase()}: {next.text.charAt(0).toLowerCase() + next.text.slice(1)}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

/** The plan and how much of it is used (brands: the one usage the API counts so far). */
export function PlanCard() {
  const status = useSubscriptionStatus();
  const limit = status.data?.limits.brands;
  return (
    <section className="card" aria-labelledby="plan-title">
      <div className="card__header">
        <div>
          <h2 id="plan-title" className="card__title">
            Plan
          </h2>
          {status.isSuccess && <p className="card__subtitle">{status.data.planName}</p>}
        </div>
        <Link to="/app/settings/billing" className="small">
          Billing
        </Link>
      </div>
      {status.isPending ? (
        <LoadingState label="Loading your plan" rows={2} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} retrying={status.isFetching} />
      ) : (
        <div className="card__body stack stack--sm">
          <div className={styles.usageHead}>
            <span className="small" style={{ fontWeight: 600 }}>
              Brands
            </span>
            <span className="small muted">
              {limit == null ? `${status.data.usage.brands} · unlimited` : `${status.data.usage.brands} of ${limit}`}
            </span>
          </div>
          {limit != null && (
            <div
              className={styles.meter}
              role="meter"
              aria-label="Brands used"
              aria-valuemin={0}
              aria-valuemax={limit}
              aria-valuenow={Math.min(status.data.usage.brands, limit)}
            >
              <span style={{ width: `${Math.min(100, (status.data.usage.brands / Math.max(1, limit)) * 100)}%` }} />
            </div>
          )}
          <p className="small muted">
            {status.data.billingEnabled ? status.data.summary : 'Billing is off on this self-hosted instance.'}{' '}
            {status.data.limits.monthlyAiRequests.toLocaleString('en-US')} AI requests a month.
          </p>
        </div>
      )}
    </section>
  );
}
