import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { useBrands } from '../brands/api';
import { useAddRule } from './rulesApi';

const schema = z
  .object({
    kind: z.enum(['bannedWord', 'name', 'hashtag', 'tone']),
    term: z.string().trim().min(1, 'Write the rule.').max(1000, 'At most 1,000 characters.'),
    suggestion: z.string().trim().max(200, 'At most 200 characters.'),
    companyId: z.string(),
  })
  .refine((v) => v.kind !== 'hashtag' || v.term.startsWith('#'), { path: ['term'], message: 'A hashtag starts with #.' })
  .refine((v) => v.kind === 'tone' || v.term.length <= 200, { path: ['term'], message: 'At most 200 characters.' });

type Values = z.infer<typeof schema>;

const termLabels: Record<Values['kind'], string> = {
  bannedWord: 'Word or phrase to avoid',
  name: 'Name, spelt as it must be',
  hashtag: 'Hashtag',
  tone: 'How the brand sounds',
};

/** The team's own rule: a word to avoid (with what to say instead), a name, a hashtag or a tone description. */
export function AddRuleForm() {
  const add = useAddRule();
  const brands = useBrands().data ?? [];
  const toast = useToast();
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { kind: 'bannedWord', term: '', suggestion: '', companyId: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync({
        ...values,
        suggestion: values.kind === 'bannedWord' && values.suggestion ? values.suggestion : null,
        companyId: values.companyId || null,
      });
      toast.success('The rule was added; every check uses it from now on.');
      form.reset({ kind: values.kind, term: '', suggestion: '', companyId: values.companyId });
    } catch (error) {
      applyServerErrors(error, form.setError, ['kind', 'term', 'suggestion', 'companyId']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Add a rule">
      <FormError errors={errors} />
      <SelectField label="Kind of rule" error={errors.kind?.message} {...form.register('kind')}>
        <option value="bannedWord">A word to avoid</option>
        <option value="name">A name to spell right</option>
        <option value="hashtag">A hashtag every post carries</option>
        <option value="tone">A description of the brand’s tone</option>
      </SelectField>
      <TextField label={termLabels[kind]} error={errors.term?.message} {...form.register('term')} />
      {kind === 'bannedWord' && (
        <TextField label="Say instead" optional error={errors.suggestion?.message} {...form.register('suggestion')} />
      )}
      {brands.length > 1 && (
        <SelectField label="For" error={errors.companyId?.message} {...form.register('companyId')}>
          <option value="">Every brand</option>
          {brands.map((brand) => (
            <option key={brand.id} value={brand.id}>
              {brand.name} only
            </option>
          ))}
        </SelectField>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" loading={isSubmitting}>
          Add rule
        </Button>
      </div>
    </form>
  );
}
