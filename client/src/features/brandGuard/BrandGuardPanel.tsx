import { Icon } from '../../components/Icon';
import { errorMessage } from '../../api';
import { useBrandCheck, type CheckVariant, type FindingFix, type VariantCheck } from './api';
import { FindingList } from './FindingList';
import styles from './brandGuard.module.css';

const networkNames: Record<CheckVariant['platform'], string> = {
  linkedIn: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  googleBusiness: 'Google Business Profile',
  bluesky: 'Bluesky',
  threads: 'Threads',
  pinterest: 'Pinterest',
  youTube: 'YouTube',
  tikTok: 'TikTok',
};

interface BrandGuardPanelProps {
  /** Each chosen network's text as it is being typed. */
  variants: CheckVariant[];
  /** Applies a one-click fix to that network's text. */
  onApplyFix: (platform: CheckVariant['platform'], fix: FindingFix, excerpt: string) => void;
}

/**
 * The brand check beside the composer: as the user types (debounced), each network's text is checked against the
 * brand's rules and current documents; every finding says why, cites its source and offers a fix where one exists.
 */
export function BrandGuardPanel({ variants, onApplyFix }: BrandGuardPanelProps) {
  const check = useBrandCheck(variants);
  const result = check.data;
  const count = result?.variants.reduce((sum, variant) => sum + variant.findings.length, 0) ?? 0;

  return (
    <section className={styles.panel} aria-label="Check against your brand" aria-busy={check.isFetching}>
      <div className="cluster">
        <h3 className={styles.title}>
          <Icon name="check" /> Brand check
        </h3>
        <span className="muted small" role="status">
          {check.isFetching
            ? 'Checking against your brand…'
            : !result
              ? 'Start writing to check the post against your brand.'
              : count === 0
                ? 'Nothing found: the post follows your brand’s rules and documents.'
                : `${count} ${count === 1 ? 'thing' : 'things'} to look at.`}
        </span>
      </div>
      {check.isError && <p className="small">{errorMessage(check.error)}</p>}
      {result?.variants
        .filter((variant) => variant.findings.length > 0 || variant.tone)
        .map((variant) => (
          <VariantFindings key={variant.platform} variant={variant} many={result.variants.length > 1} onApplyFix={onApplyFix} />
        ))}
      {result?.offline && (
        <p className="muted small">
          Checked offline: rules read from your documents, figures compared with your current documents, tone compared by
          similarity.
        </p>
      )}
    </section>
  );
}

function VariantFindings({
  variant,
  many,
  onApplyFix,
}: {
  variant: VariantCheck;
  many: boolean;
  onApplyFix: BrandGuardPanelProps['onApplyFix'];
}) {
  return (
    <div className="stack stack--sm">
      {many && <h4 className={styles.network}>{networkNames[variant.platform]}</h4>}
      {variant.tone && (
        <p className="small">
          Tone: {variant.tone.verdict} (similarity {Math.round(variant.tone.score * 100)}%)
        </p>
      )}
      <FindingList
        findings={variant.findings}
        onApplyFix={(finding) => onApplyFix(variant.platform, finding.fix!, finding.excerpt)}
      />
    </div>
  );
}
