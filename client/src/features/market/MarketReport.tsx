import { Badge } from '../../components/Badge';
import { formatDateTime } from '../../lib/format';
import { labelOf, profileFieldLabels } from '../../lib/labels';
import type { MarketAnalysis, MarketFinding } from './api';
import styles from './market.module.css';

const sections = [
  { key: 'competitors', title: 'Competitors' },
  { key: 'positioningOpportunities', title: 'Positioning opportunities' },
  { key: 'audienceInsights', title: 'Audience insights' },
  { key: 'risks', title: 'Risks' },
] as const;

/** One analysis: its four sections, each finding with what it rests on, or marked as needing research. */
export function MarketReport({ analysis }: { analysis: MarketAnalysis }) {
  return (
    <article className={`card ${styles.report}`} aria-labelledby={`analysis-${analysis.id}`}>
      <div className="card__header">
        <div>
          <h2 id={`analysis-${analysis.id}`} className="card__title">
            {analysis.focus ? `Analysis: ${analysis.focus}` : 'Market analysis'}
          </h2>
          <p className="card__subtitle">
            {formatDateTime(analysis.createdAt)}
            {analysis.source.offline && ' · built from your profile and documents, not written by an AI model'}
          </p>
        </div>
        {analysis.source.offline && <Badge tone="warning">Offline analysis</Badge>}
      </div>
      <div className={`card__body ${styles.sections}`}>
        {sections.map((section) => (
          <section key={section.key} aria-label={section.title}>
            <h3 className={styles.sectionTitle}>{section.title}</h3>
            {analysis[section.key].length === 0 ? (
              <p className="small muted">Nothing found here yet: add documents about this to your files.</p>
            ) : (
              <ul className={styles.findings}>
                {analysis[section.key].map((finding, index) => (
                  <Finding key={index} finding={finding} />
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </article>
  );
}

function Finding({ finding }: { finding: MarketFinding }) {
  const bases = finding.basedOn.map((basis) =>
    basis.passage ? basis.passage.assetName : `Profile: ${labelOf(profileFieldLabels, basis.field ?? '')}`,
  );
  return (
    <li className={styles.finding}>
      <p>{finding.statement}</p>
      <p className="small muted">
        {finding.needsResearch ? (
          <Badge tone="warning">Needs research</Badge>
        ) : finding.inference ? (
          <Badge>Inference</Badge>
        ) : null}{' '}
        {bases.length > 0 ? `Based on: ${[...new Set(bases)].join(', ')}` : 'Not based on anything you gave us yet.'}
      </p>
    </li>
  );
}
