import { Icon } from '../../components/Icon';
import { errorMessage } from '../../api';
import { Button } from '../../components/Button';
import { useAiConnected, useAiReview, useBrandCheck, type CheckVariant, type FindingFix, type VariantCheck } from './api';
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
  /** The post's brand: its rules and documents apply, with the workspace-wide ones. */
  companyId?: string;
}

/**
 * The brand check beside the composer: as the user types (debounced), each network's text is checked against the
 * brand's rules and current documents; every finding says why, cites its source and offers a fix where one exists.
 */
export function BrandGuardPanel({ variants, onApplyFix, companyId }: BrandGuardPanelProps) {
  const check = useBrandCheck(variants, companyId);
  const ai = useAiConnected();
  const review = useAiReview();
  const texts = JSON.stringify([companyId ?? '', variants]);
  // The AI review stands while the texts are those it reviewed; typing brings back the live offline check.
  const reviewed =
    review.data && review.variables && JSON.stringify([review.variables.companyId ?? '', review.variables.variants]) === texts;
  const result = reviewed ? review.data : check.data;
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
      {ai.connected && (
        <div className="cluster">
          <Button
            size="sm"
            disabled={review.isPending || variants.every((variant) => variant.text.trim().length === 0)}
            onClick={() => review.mutate({ variants, companyId })}
          >
            {review.isPending ? 'Asking the AI model…' : 'Check with AI'}
          </Button>
          <span className="muted small">
            The AI model explains each finding and judges the tone; it counts as one AI request.
          </span>
        </div>
      )}
      {review.isError && <p className="small">{errorMessage(review.error)}</p>}
      {reviewed && result?.modelNote && <p className="small">{result.modelNote}</p>}
      {result?.variants
        .filter((variant) => variant.findings.length > 0 || variant.tone)
        .map((variant) => (
          <VariantFindings key={variant.platform} variant={variant} many={result.variants.length > 1} onApplyFix={onApplyFix} />
        ))}
      {result?.modelReviewed ? (
        <p className="muted small">Reviewed by the AI model, citing only your documents.</p>
      ) : (
        result?.offline && (
          <p className="muted small">
            Checked offline: rules read from your documents, figures compared with your current documents, tone compared by
            similarity.
          </p>
        )
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
          Tone: {variant.tone.verdict}
          {variant.tone.reasons?.length
            ? `. ${variant.tone.reasons.join(' ')}`
            : ` (similarity ${Math.round(variant.tone.score * 100)}%)`}
        </p>
      )}
      <FindingList
        findings={variant.findings}
        onApplyFix={(finding) => onApplyFix(variant.platform, finding.fix!, finding.excerpt)}
      />
    </div>
  );
}
