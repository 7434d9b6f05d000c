import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, QueryState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { hasRole, useSession } from '../auth/useSession';
import { BrandChoice, BrandSelect, type BrandOption } from '../brands/BrandChoice';
import { useAnalyzeMarket, useMarketAnalyses } from './api';
import { MarketReport } from './MarketReport';
import styles from './market.module.css';

const schema = z.object({ focus: z.string().max(500, 'Keep the focus under 500 characters.') });

/** Market analysis: run one for a brand (optionally on a focus) and read earlier ones. */
export default function MarketAnalysisPage() {
  return (
    <>
      <PageHeader
        title="Market analysis"
        description="Competitors, positioning opportunities, audience insights and risks, each traced to your profile and documents."
      />
      <BrandChoice needed="an analysis is made from its profile and documents.">
        {({ companyId, brands, onBrand }) => <Analyses key={companyId} companyId={companyId} brands={brands} onBrand={onBrand} />}
      </BrandChoice>
    </>
  );
}

interface AnalysesProps {
  companyId: string;
  brands: BrandOption[];
  onBrand: (id: string) => void;
}

function Analyses({ companyId, brands, onBrand }: AnalysesProps) {
  const canRun = hasRole(useSession(), 'editor');
  const history = useMarketAnalyses(companyId);
  const analyze = useAnalyzeMarket(companyId);
  const [shownId, setShownId] = useState<string>();
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { focus: '' } });
  const submit = form.handleSubmit(async ({ focus }) => {
    try {
      const made = await analyze.mutateAsync(focus);
      setShownId(made.id);
    } catch (error) {
      applyServerErrors(error, form.setError, ['focus']);
    }
  });

  return (
    <div className="stack">
      <section className="card" aria-labelledby="analyze-title">
        <div className="card__header">
          <h2 id="analyze-title" className="card__title">
            New analysis
          </h2>
        </div>
        <form className="card__body form" onSubmit={submit} noValidate>
          <FormError errors={form.formState.errors} />
          <BrandSelect brands={brands} value={companyId} onChange={onBrand} />
          <TextField
            label="Focus"
            optional
            hint="A market, a product or a question, such as “cafés in Oslo”. Leave empty for the whole brand."
            error={form.formState.errors.focus?.message}
            {...form.register('focus')}
          />
          <div className="form__actions">
            <Button type="submit" variant="primary" icon="chart" loading={analyze.isPending} disabled={!canRun}>
              Analyse the market
            </Button>
          </div>
          {!canRun && <p className="field__hint">An editor or admin can run an analysis.</p>}
        </form>
      </section>
      <QueryState query={history} loadingLabel="Loading earlier analyses" rows={2}>
        {(list) => {
          const shown = list.find((a) => a.id === shownId) ?? list[0];
          if (!shown) {
            return (
              <div className="card">
                <EmptyState icon="chart" title="No analysis yet">
                  Run the first one: every analysis is kept here, so you can see how your market reading changes.
                </EmptyState>
              </div>
            );
          }
          return (
            <div className={styles.layout}>
              <MarketReport analysis={shown} />
              <nav className="card" aria-labelledby="history-title">
                <div className="card__header">
                  <h2 id="history-title" className="card__title">
                    History
                  </h2>
                </div>
                <ul className={`card__body ${styles.history}`}>
                  {list.map((analysis) => (
                    <li key={analysis.id}>
                      <Button
                        variant="ghost"
                        className={styles.historyItem}
                        aria-current={analysis.id === shown.id ? 'true' : undefined}
                        onClick={() => setShownId(analysis.id)}
                      >
                        {formatDateTime(analysis.createdAt)}
                        {analysis.focus ? ` · ${analysis.focus}` : ''}
                      </Button>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          );
        }}
      </QueryState>
    </div>
  );
}
