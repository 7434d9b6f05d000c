import { useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { errorMessage } from '../../../api';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextField } from '../../../components/form/Fields';
import { useBrands } from '../../brands/api';
import { useGeneratePosts } from '../api';
import styles from '../calendar.module.css';
import { useDraftClosing } from './DraftClosing';
import type { ComposerValues } from './schema';

type Form = UseFormReturn<ComposerValues>;

export /** Drafts every chosen network's text from a topic, in the brand's voice, with the existing post drafting. */
function AiDraft({ form }: { form: Form }) {
  const brands = useBrands();
  const generate = useGeneratePosts();
  const [topic, setTopic] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const companyId = useWatch({ control: form.control, name: 'companyId' });
  const list = brands.data ?? [];
  const closing = useDraftClosing(companyId);

  const draft = async () => {
    setFailure(null);
    setNote(null);
    const chosen = form.getValues('platforms');
    try {
      const result = await generate.mutateAsync({ companyId, platforms: chosen, topic: topic.trim(), ...closing.value });
      form.setValue('sameForAll', false);
      const shortened: string[] = [];
      for (const drafts of result.platforms) {
        const first = drafts.drafts[0];
        if (!first) continue;
        form.setValue(`texts.${drafts.platform}`, first.text, { shouldDirty: true });
        if (first.shortened) shortened.push(drafts.displayName);
      }
      if (!form.getValues('title').trim()) form.setValue('title', topic.trim().slice(0, 200));
      // The brand's documents the drafts drew on (facts, prescribed hashtags, words to avoid).
      const sources = [...new Set((result.sources ?? []).map((source) => source.assetName))];
      const drawnFrom = sources.length > 0 ? ` Drawn from ${sources.join(', ')}.` : '';
      // Which pattern of the brand's best posts the drafts follow, and the numbers why.
      const results = result.performance ? ` ${result.performance}` : '';
      setNote(
        shortened.length > 0
          ? `Drafted. Shortened to fit: ${shortened.join(', ')}.${drawnFrom}${results} Edit before saving.`
          : `Drafted for each network.${drawnFrom}${results} Edit before saving.`,
      );
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className={styles.aiDraft}>
      <SelectField label="Brand" optional {...form.register('companyId')}>
        <option value="">No brand</option>
        {list.map((brand) => (
          <option key={brand.id} value={brand.id}>
            {brand.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.aiRow}>
        <TextField
          label="Topic for an AI draft"
          optional
          value={topic}
          onChange={(event) => setTopic(event.target.value)}
          hint={companyId ? 'Written in the brand’s voice, within each network’s limit.' : 'Choose a brand to draft with AI.'}
        />
        <Button icon="sparkles" onClick={() => void draft()} loading={generate.isPending} disabled={!companyId || !topic.trim()}>
          AI draft
        </Button>
      </div>
      {companyId && closing.fields}
      {note && (
        <p className="field__hint" role="status">
          {note}
        </p>
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
    </div>
  );
}
