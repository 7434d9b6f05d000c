import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { ButtonLink } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { useBrands } from '../brands/api';
import { useInvitations, useMembers } from '../team/api';
import { AutomationOverview } from './AutomationOverview';
import { PlanCard, SetupCard, Stat } from './DashboardCards';
import { roleLabel } from '../team/roles';
import styles from './dashboard.module.css';

function greeting(hour: number) {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

export default function DashboardPage() {
  const session = useSession();
  const isAdmin = hasRole(session, 'admin');
  const canEdit = hasRole(session, 'editor');
  const brands = useBrands();
  const members = useMembers();
  const invitations = useInvitations(isAdmin);
  const firstName = session?.user.fullName.split(' ')[0] ?? '';

  const brandCount = brands.data?.length ?? 0;
  const firstBrand = brands.data?.[0];
  const completeBrand = brands.data?.find((brand) => brand.industry && brand.website && brand.description);
  const memberCount = members.data?.length ?? 0;
  const pendingCount = invitations.data?.length ?? 0;

  const steps: { done: boolean; title: string; text: string; to: string; action: string; show: boolean }[] = [
    {
      done: brandCount > 0,
      title: 'Add your first brand',
      text: 'Name it and describe what it sells. Everything else builds on this.',
      to: brandCount > 0 ? '/app/brands' : '/app/onboarding',
      action: brandCount > 0 ? 'See brands' : 'Set up a brand',
      show: canEdit,
    },
    {
      done: memberCount > 1 || pendingCount > 0,
      title: 'Invite your team',
      text: 'Bring in the people who write, review and approve your content.',
      to: '/app/settings/team',
      action: 'Invite a teammate',
      show: isAdmin,
    },
    {
      done: completeBrand !== undefined,
      title: 'Complete a brand profile',
      text: 'Give a brand its industry, website and a short description: the AI starts from these.',
      to: completeBrand || !firstBrand ? '/app/brands' : `/app/brands/${firstBrand.id}`,
      action: completeBrand ? 'See brands' : 'Complete the profile',
      show: canEdit,
    },
  ];
  const visibleSteps = steps.filter((step) => step.show);

  return (
    <>
      <PageHeader
        title={`${greeting(new Date().getHours())}${firstName ? `, ${firstName}` : ''}`}
        description={`Here is what is happening in ${session?.tenant.name ?? 'your workspace'}.`}
        actions={
          canEdit && (
            <ButtonLink to="/app/brands" variant="primary" icon="plus">
              New brand
            </ButtonLink>
          )
        }
      />

      <section aria-label="At a glance" className={styles.stats}>
        <Stat
          icon="building"
          label="Brands"
          value={brands.isSuccess ? brandCount : null}
          to="/app/brands"
          error={brands.isError}
        />
        <Stat
          icon="users"
          label="Team members"
          value={members.isSuccess ? memberCount : null}
          to="/app/settings/team"
          error={members.isError}
        />
        {isAdmin ? (
          <Stat
            icon="mail"
            label="Pending invitations"
            value={invitations.isSuccess ? pendingCount : null}
            to="/app/settings/team"
            error={invitations.isError}
          />
        ) : (
          <div className={`card ${styles.stat}`}>
            <span className={styles.statIcon}>
              <Icon name="shield" />
            </span>
            <div className="stat">
              <span className="stat__label">Your role</span>
              <span className="stat__value">{roleLabel(session?.user.role ?? '')}</span>
            </div>
          </div>
        )}
      </section>

      <div className={styles.overview}>
        <AutomationOverview />
      </div>

      <div className={styles.pair}>
        <SetupCard canEdit={canEdit} />
        <PlanCard />
      </div>

      <div className={styles.columns}>
        {visibleSteps.length === 0 ? (
          <section className="card" aria-labelledby="viewer-note">
            <div className="card__header">
              <h2 id="viewer-note" className="card__title">
                You have view access
              </h2>
            </div>
            <p className="card__body muted">
              You can see this workspace’s brands and team. Ask an admin if you need to add or change something.
            </p>
          </section>
        ) : (
          <section className="card" aria-labelledby="getting-started">
            <div className="card__header">
              <div>
                <h2 id="getting-started" className="card__title">
                  Getting started
                </h2>
                <p className="card__subtitle">
                  {visibleSteps.filter((s) => s.done).length} of {visibleSteps.length} done
                </p>
              </div>
            </div>
            <ol className={`list ${styles.steps}`}>
              {visibleSteps.map((step) => (
                <li key={step.title} className={styles.step}>
                  <span className={step.done ? `${styles.check} ${styles.checkDone}` : styles.check} aria-hidden="true">
                    {step.done && <Icon name="check" />}
                  </span>
                  <div className={styles.stepText}>
                    <h3 className={styles.stepTitle}>
                      {step.title}
                      {step.done && <span className="visually-hidden"> (done)</span>}
                    </h3>
                    <p className="small muted">{step.text}</p>
                  </div>
                  <ButtonLink to={step.to} size="sm" variant={step.done ? 'ghost' : 'secondary'}>
                    {step.action}
                  </ButtonLink>
                </li>
              ))}
            </ol>
          </section>
        )}

        <section className="card" aria-labelledby="recent-brands">
          <div className="card__header">
            <h2 id="recent-brands" className="card__title">
              Your brands
            </h2>
            <Link to="/app/brands" className="small">
              View all
            </Link>
          </div>
          {brands.isPending ? (
            <LoadingState label="Loading brands" />
          ) : brands.isError ? (
            <ErrorState error={brands.error} onRetry={() => void brands.refetch()} retrying={brands.isFetching} />
          ) : brands.data.length === 0 ? (
            <div className="state">
              <p className="state__text">No brands yet.{canEdit ? ' Add one to get started.' : ''}</p>
            </div>
          ) : (
            <ul className="list">
              {brands.data
                .slice(-5)
                .reverse()
                .map((brand) => (
                  <li key={brand.id} className="person">
                    <Avatar name={brand.name} size="sm" square />
                    <div className={styles.stepText}>
                      <Link to={`/app/brands/${brand.id}`} className="person__name">
                        {brand.name}
                      </Link>
                      <p className="small muted">
                        {brand.industry ? `${brand.industry} · ` : ''}added {formatDate(brand.createdAt)}
                      </p>
                    </div>
                  </li>
                ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
