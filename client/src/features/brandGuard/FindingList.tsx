import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import type { Finding } from './api';
import { kindLabels, severityLabels, severityTone } from './words';
import styles from './brandGuard.module.css';

interface FindingListProps {
  findings: Finding[];
  /** Offered on findings that have a fix; none on pages where the text cannot be changed. */
  onApplyFix?: (finding: Finding) => void;
}

/** Each finding: what, how serious, why, the words it is about, the passage it rests on, and its fix. */
export function FindingList({ findings, onApplyFix }: FindingListProps) {
  return (
    <ul className={styles.findings}>
      {findings.map((finding, index) => (
        <li key={`${finding.kind}-${finding.start}-${index}`} className={styles.finding}>
          <div className="cluster">
            <Badge tone={severityTone(finding)}>
              {finding.blocking ? 'Blocks scheduling' : severityLabels[finding.severity]}
            </Badge>
            <strong className="small">{kindLabels[finding.kind]}</strong>
            {finding.byModel && <span className="muted small">AI review</span>}
          </div>
          <p className="small">{finding.reason}</p>
          {finding.source && (
            <blockquote className={styles.source}>
              <span className="muted small">From “{finding.source.assetName}”:</span> {finding.source.snippet}
            </blockquote>
          )}
          {finding.fix && onApplyFix && (
            <Button size="sm" onClick={() => onApplyFix(finding)}>
              {finding.fix.label}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
