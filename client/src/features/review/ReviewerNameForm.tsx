import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { TextField } from '../../components/form/Fields';

const schema = z.object({
  name: z.string().trim().min(1, 'Type your name, so the team knows who reviewed.').max(80, 'Use at most 80 characters.'),
});

type Values = z.infer<typeof schema>;

/** Who is reviewing: a name as typed, no account. Decisions carry it to the team and the audit log. */
export function ReviewerNameForm({ name, onChange }: { name: string; onChange: (name: string) => void }) {
  const [editing, setEditing] = useState(!name);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name } });
  const { errors } = form.formState;

  if (!editing) {
    return (
      <section className="card" aria-label="Reviewer">
        <div className="card__body cluster">
          <span>
            Reviewing as <strong>{name}</strong>
          </span>
          <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
            Change name
          </Button>
        </div>
      </section>
    );
  }

  return (
    <section className="card" aria-labelledby="reviewer-title">
      <div className="card__body">
        <form
          className="form"
          noValidate
          aria-labelledby="reviewer-title"
          onSubmit={form.handleSubmit((values) => {
            onChange(values.name.trim());
            setEditing(false);
          })}
        >
          <h2 id="reviewer-title" className="card__title">
            Who is reviewing?
          </h2>
          <TextField
            label="Your name"
            hint="No account needed. The team sees your name with each decision."
            autoComplete="name"
            error={errors.name?.message}
            {...form.register('name')}
          />
          <div>
            <Button type="submit" variant="primary">
              Start reviewing
            </Button>
          </div>
        </form>
      </div>
    </section>
  );
}
