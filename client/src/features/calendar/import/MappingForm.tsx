import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { isApiError } from '../../../api';
import { Button } from '../../../components/Button';
import { FormError } from '../../../components/form/FormError';
import { SelectField } from '../../../components/form/Fields';
import { serverErrorKey } from '../../../components/form/serverErrors';
import type { ImportColumns, ImportOptions } from './api';

const schema = z
  .object({
    target: z.enum(['schedule', 'draft']),
    columns: z.array(z.object({ key: z.string(), column: z.string() })),
  })
  .superRefine((values, context) => {
    const used = new Map<string, number>();
    values.columns.forEach(({ column }, index) => {
      if (!column) return;
      if (used.has(column)) {
        context.addIssue({
          code: 'custom',
          path: ['columns', index, 'column'],
          message: `“${column}” is already used for another field.`,
        });
      }
      used.set(column, index);
    });
    const date = values.columns.findIndex((c) => c.key === 'date');
    if (date >= 0 && !values.columns[date]?.column) {
      context.addIssue({
        code: 'custom',
        path: ['columns', date, 'column'],
        message: 'Choose the column with the date to publish.',
      });
    }
    if (!values.columns.some((c) => c.key.startsWith('text') && c.column)) {
      const text = values.columns.findIndex((c) => c.key === 'text');
      context.addIssue({
        code: 'custom',
        path: ['columns', text, 'column'],
        message: 'Choose the column with the post’s text (or one per network).',
      });
    }
  });

type Values = z.infer<typeof schema>;

interface MappingFormProps {
  columns: ImportColumns;
  /** Checks the rows with these options; rejects with the server's problem. */
  onCheck: (options: ImportOptions) => Promise<void>;
  /** Any change after a check makes its report stale. */
  onChange: () => void;
}

/** Which column fills which field of a post (guessed from the headers, changeable), and what the rows become. */
export function MappingForm({ columns, onCheck, onChange }: MappingFormProps) {
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      target: 'schedule',
      columns: columns.fields.map((field) => ({ key: field.key, column: columns.suggested[field.key] ?? '' })),
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const mapping = Object.fromEntries(values.columns.filter((c) => c.column).map((c) => [c.key, c.column]));
    try {
      await onCheck({ target: values.target, mapping });
    } catch (error) {
      const fieldErrors = isApiError(error) ? error.fieldErrors : {};
      let placed = false;
      for (const [name, messages] of Object.entries(fieldErrors)) {
        const index = values.columns.findIndex((c) => `mapping.${c.key}` === name);
        if (index >= 0) {
          form.setError(`columns.${index}.column`, { type: 'server', message: messages.join(' ') });
          placed = true;
        }
      }
      if (!placed) {
        form.setError(serverErrorKey, {
          type: 'server',
          message: isApiError(error)
            ? Object.values(fieldErrors).flat().join(' ') || error.message
            : 'Something went wrong. Try again.',
        });
      }
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} onChange={onChange} noValidate aria-label="Columns and options">
      <FormError errors={errors} />
      <fieldset className="segmented">
        <legend className="visually-hidden">What the rows become</legend>
        <label>
          <input type="radio" value="schedule" {...form.register('target')} />
          <span>Schedule them</span>
        </label>
        <label>
          <input type="radio" value="draft" {...form.register('target')} />
          <span>Keep them as drafts</span>
        </label>
      </fieldset>
      <div className="import-mapping">
        {columns.fields.map((field, index) => (
          <SelectField
            key={field.key}
            label={field.label}
            hint={field.description}
            optional={!field.required}
            error={errors.columns?.[index]?.column?.message}
            {...form.register(`columns.${index}.column`)}
          >
            <option value="">Not in the file</option>
            {columns.headers.map((header, column) =>
              header ? (
                <option key={column} value={header}>
                  {header}
                </option>
              ) : null,
            )}
          </SelectField>
        ))}
      </div>
      <div>
        <Button type="submit" variant="primary" icon="check" loading={isSubmitting}>
          Check every row
        </Button>
      </div>
    </form>
  );
}
