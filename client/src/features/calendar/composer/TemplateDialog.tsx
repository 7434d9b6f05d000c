import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { SelectField, TextField } from '../../../components/form/Fields';
import { useBrands } from '../../brands/api';
import type { Snippet } from '../../snippets/api';
import { fillTemplate, variablesOf } from '../../snippets/template';
import { textPaths } from './SnippetTools';
import type { ComposerValues } from './schema';
import styles from './snippets.module.css';

const schema = z
  .object({
    templateId: z.string().min(1, 'Choose a template.'),
    product: z.string().trim().max(200, 'Use at most 200 characters.'),
    link: z.string().trim().max(2048, 'Use at most 2,048 characters.'),
    needsProduct: z.boolean(),
    needsLink: z.boolean(),
  })
  .superRefine((values, ctx) => {
    if (values.needsProduct && !values.product) ctx.addIssue({ code: 'custom', path: ['product'], message: 'Name the product.' });
    if (values.needsLink && !/^https?:\/\/\S+\.\S+/.test(values.link)) {
      ctx.addIssue({ code: 'custom', path: ['link'], message: 'Give the full address, starting with https://.' });
    }
  });

type Values = z.infer<typeof schema>;

interface TemplateDialogProps {
  form: UseFormReturn<ComposerValues>;
  templates: Snippet[];
  onClose: () => void;
}

/**
 * Starts the post from one of the brand's templates: {brand} and {website} come from the brand, {product} and {link}
 * are asked for here; the result replaces the post's text (every network's, when each has its own).
 */
export function TemplateDialog({ form, templates, onClose }: TemplateDialogProps) {
  const brands = useBrands();
  const companyId = form.getValues('companyId');
  const brand = brands.data?.find((candidate) => candidate.id === companyId);
  const choice = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { templateId: templates[0]?.id ?? '', product: '', link: '', needsProduct: false, needsLink: false },
  });
  const { errors } = choice.formState;
  const [templateId, product, link] = useWatch({ control: choice.control, name: ['templateId', 'product', 'link'] });
  const template = templates.find((candidate) => candidate.id === templateId);
  const used = variablesOf(template?.body ?? '').map((name) => name.toLowerCase());
  const filled = fillTemplate(template?.body ?? '', {
    brand: brand?.name,
    website: brand?.website ?? undefined,
    product: product.trim(),
    link: link.trim(),
  });

  const apply = () => {
    choice.setValue('needsProduct', used.includes('product'));
    choice.setValue('needsLink', used.includes('link'));
    void choice.handleSubmit(() => {
      for (const path of textPaths(form.getValues())) form.setValue(path, filled, { shouldDirty: true });
      if (!form.getValues('title').trim() && template) form.setValue('title', template.name, { shouldDirty: true });
      onClose();
    })();
  };

  return (
    <Dialog open onClose={onClose} title="Start from a template" description="The template replaces the post’s text.">
      <div className="stack stack--sm" role="group" aria-label="Template">
        <SelectField label="Template" error={errors.templateId?.message} {...choice.register('templateId')}>
          {templates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
        {used.includes('product') && (
          <TextField label="Product" error={errors.product?.message} {...choice.register('product')} />
        )}
        {used.includes('link') && (
          <TextField
            label="Link"
            type="url"
            inputMode="url"
            hint="Shortened and tracked when you switch on “Shorten links”."
            error={errors.link?.message}
            {...choice.register('link')}
          />
        )}
        <p className="field__hint">Preview</p>
        <p className={styles.preview} aria-live="polite">
          {filled}
        </p>
        <div className="form__actions">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" onClick={apply}>
            Use template
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
