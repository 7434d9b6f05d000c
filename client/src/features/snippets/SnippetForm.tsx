import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextAreaField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { knownVariables, badHashtags, unknownVariables } from './template';
import { snippetKindLabels, useCreateSnippet, useUpdateSnippet, type Snippet } from './api';

const variableList = knownVariables.map((name) => `{${name}}`).join(', ');

export const snippetSchema = z
  .object({
    kind: z.enum(['hashtagGroup', 'signature', 'template']),
    name: z.string().trim().min(1, 'Give it a name.').max(80, 'Use at most 80 characters.'),
    body: z.string().trim().min(1, 'Write the text.').max(3000, 'Use at most 3,000 characters.'),
  })
  .superRefine((values, ctx) => {
    if (values.kind === 'template') {
      const unknown = unknownVariables(values.body);
      if (unknown.length > 0) {
        const names = unknown.map((name) => `{${name}}`).join(', ');
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: `Unknown ${unknown.length === 1 ? 'variable' : 'variables'} ${names}: a template can use ${variableList}.`,
        });
      }
    }
    if (values.kind === 'hashtagGroup') {
      const bad = badHashtags(values.body);
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['body'],
          message: `A hashtag has letters, digits or _ after its #: ${bad.slice(0, 5).join(', ')} cannot be used.`,
        });
      }
    }
  });

type Values = z.infer<typeof snippetSchema>;

const bodyLabels: Record<Values['kind'], { label: string; hint: string }> = {
  hashtagGroup: { label: 'Hashtags', hint: 'Separated by spaces; the # is added where it is missing.' },
  signature: { label: 'Signature', hint: 'A closing line or a call to action, added at the end of a post.' },
  template: { label: 'Template', hint: `The post to start from. Variables: ${variableList}.` },
};

interface SnippetFormProps {
  companyId: string;
  /** The snippet to change; none to add one. */
  snippet?: Snippet;
  onDone?: () => void;
}

/** Adds a hashtag group, a signature or a post template to a brand, or changes one. */
export function SnippetForm({ companyId, snippet, onDone }: SnippetFormProps) {
  const create = useCreateSnippet();
  const update = useUpdateSnippet();
  const toast = useToast();
  const form = useForm<Values>({
    resolver: zodResolver(snippetSchema),
    defaultValues: snippet
      ? { kind: snippet.kind, name: snippet.name, body: snippet.body }
      : { kind: 'hashtagGroup', name: '', body: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      if (snippet) {
        await update.mutateAsync({ id: snippet.id, name: values.name, body: values.body });
        toast.success(`“${values.name}” was saved.`);
      } else {
        await create.mutateAsync({ companyId, ...values });
        toast.success(`${snippetKindLabels[values.kind]} “${values.name}” was added.`);
        form.reset({ kind: values.kind, name: '', body: '' });
      }
      onDone?.();
    } catch (error) {
      applyServerErrors(error, form.setError, ['kind', 'name', 'body']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={snippet ? `Edit ${snippet.name}` : 'Add a snippet'}>
      <FormError errors={errors} />
      {!snippet && (
        <SelectField label="Kind" error={errors.kind?.message} {...form.register('kind')}>
          <option value="hashtagGroup">{snippetKindLabels.hashtagGroup}</option>
          <option value="signature">{snippetKindLabels.signature}</option>
          <option value="template">{snippetKindLabels.template}</option>
        </SelectField>
      )}
      <TextField label="Name" hint="Only your team sees it." error={errors.name?.message} {...form.register('name')} />
      <TextAreaField
        label={bodyLabels[kind].label}
        hint={bodyLabels[kind].hint}
        rows={kind === 'template' ? 6 : 3}
        error={errors.body?.message}
        {...form.register('body')}
      />
      <div className="form__actions">
        {onDone && snippet && <Button onClick={onDone}>Cancel</Button>}
        <Button type="submit" variant="primary" loading={isSubmitting}>
          {snippet ? 'Save' : 'Add'}
        </Button>
      </div>
    </form>
  );
}
