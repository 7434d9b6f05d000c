import { errorMessage } from '../../api';
import { useContentCheck } from './api';
import { FindingList } from './FindingList';
import styles from './brandGuard.module.css';

/** The brand check of a saved post, next to it on the approvals page: what an approver should know before approving. */
export function ContentFindings({ id }: { id: string }) {
  const check = useContentCheck(id);
  if (check.isPending) return <p className="muted small">Checking against your brand…</p>;
  if (check.isError) return <p className="small">{errorMessage(check.error)}</p>;
  const findings = check.data.variants.flatMap((variant) => variant.findings);
  return (
    <section className={styles.panel} aria-label="Check against your brand">
      <p className="small">
        <strong>Brand check:</strong>{' '}
        {findings.length === 0
          ? 'nothing found.'
          : `${findings.length} ${findings.length === 1 ? 'thing' : 'things'} to look at${check.data.blocking ? ', blocks scheduling' : ''}.`}
      </p>
      {findings.length > 0 && <FindingList findings={findings} />}
      {check.data.modelNote && <p className="muted small">{check.data.modelNote}</p>}
      {check.data.modelReviewed && <p className="muted small">Reviewed by the AI model, citing only your documents.</p>}
    </section>
  );
}
