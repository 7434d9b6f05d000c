import type { OnboardingProgress } from '../../api';
import { Button, ButtonLink } from '../../components/Button';
import { Icon } from '../../components/Icon';
import { formatDate } from '../../lib/format';
import { useAsset } from '../assets/api';
import styles from './onboarding.module.css';

/** The end of the wizard: what was saved, and where to go next. */
export function CompletionScreen({ progress, onReview }: { progress: OnboardingProgress; onReview: () => void }) {
  const company = progress.company;
  return (
    <section className={`card ${styles.stepCard}`} aria-labelledby="setup-done">
      <div className={`card__body ${styles.done}`}>
        <span className={styles.doneIcon}>
          <Icon name="check" />
        </span>
        <h2 id="setup-done" className={styles.doneTitle} tabIndex={-1} data-step-heading>
          {company ? `${company.name} is set up` : 'Your brand is set up'}
        </h2>
        <p className="muted">
          All five steps are saved
          {progress.completedAt ? ` (finished ${formatDate(progress.completedAt)})` : ''}. You can change any answer later: open a
          step from the list.
        </p>
        {company && (
          <dl className={styles.summary}>
            <div>
              <dt>Audience</dt>
              <dd>{company.targetAudience}</dd>
            </div>
            <div>
              <dt>Values</dt>
              <dd>{company.values.map((value) => value.name).join(', ')}</dd>
            </div>
            <div>
              <dt>Colours</dt>
              <dd>
                {company.brandColours.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <span className={styles.swatches}>
                    {company.brandColours.map((colour) => (
                      <span key={colour} className={styles.swatchChip}>
                        <span style={{ background: colour }} aria-hidden="true" />
                        {colour}
                      </span>
                    ))}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Logo</dt>
              <dd>{company.logoAssetId ? <LogoName id={company.logoAssetId} /> : <span className="muted">None</span>}</dd>
            </div>
          </dl>
        )}
        <div className={styles.doneActions}>
          <ButtonLink to="/app" variant="primary" icon="home">
            Go to the dashboard
          </ButtonLink>
          <ButtonLink to="/app/files" icon="folder">
            See your files
          </ButtonLink>
          <Button variant="ghost" icon="pencil" onClick={onReview}>
            Review the answers
          </Button>
        </div>
      </div>
    </section>
  );
}

function LogoName({ id }: { id: string }) {
  const logo = useAsset(id);
  if (!logo.data) return <span className="muted">{logo.isError ? 'Chosen' : 'Loading…'}</span>;
  return (
    <span className={styles.logoSummary}>
      {logo.data.thumbnailUrl && <img src={logo.data.thumbnailUrl} alt="" width={40} height={40} />}
      {logo.data.name}
    </span>
  );
}
