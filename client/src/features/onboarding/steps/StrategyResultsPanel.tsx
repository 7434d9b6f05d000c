import type { BrandStrategy } from '../../../api';
import { CitationChip, isResults } from '../../chat/AnswerText';
import styles from '../onboarding.module.css';

/**
 * "What your results show": what the brand's own published posts show and what the drafted strategy recommends because
 * of it, with the results citation as the strategist shows it (a chip that opens the analytics page of the period).
 * Nothing at all for a brand without results.
 */
export function StrategyResultsPanel({ strategy }: { strategy: BrandStrategy }) {
  const results = strategy.results;
  if (!results) return null;
  const source = (strategy.sources ?? []).find((c) => c.marker === results.source && isResults(c));
  return (
    <section className={styles.strategyResults} aria-labelledby="strategy-results-heading">
      <h3 id="strategy-results-heading">What your results show</h3>
      <p className="field__hint">
        From your published posts, {results.period}
        {source && (
          <>
            {' '}
            <CitationChip citation={source} onCite={() => undefined} />
          </>
        )}
      </p>
      <ul>
        {results.findings.map((finding, i) => (
          <li key={i}>{finding}</li>
        ))}
      </ul>
      {results.recommendations.length > 0 && (
        <>
          <h4>What to do about it</h4>
          <ul>
            {results.recommendations.map((recommendation, i) => (
              <li key={i}>{recommendation}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
