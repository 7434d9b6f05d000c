import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { roles } from '../../api';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { SelectField, TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { email } from '../auth/schemas';
import { useInvite } from './api';
import { roleDescriptions, roleLabel } from './roles';
import styles from './team.module.css';

const schema = z.object({ email, role: z.enum(['viewer', 'editor', 'admin']) });

type Values = z.infer<typeof schema>;

export function InviteForm() {
  const invite = useInvite();
  const toast = useToast();
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { email: '', role: 'editor' } });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await invite.mutateAsync(values);
      toast.success(`Invitation sent to ${values.email}.`);
      form.reset({ email: '', role: values.role });
    } catch (error) {
      applyServerErrors(error, form.setError, ['email', 'role']);
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError errors={errors} />
      <div className={styles.inviteRow}>
        <TextField
          label="E-mail address"
          type="email"
          inputMode="email"
          autoComplete="off"
          placeholder="name@company.com"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <SelectField label="Role" hint={roleDescriptions[role]} error={errors.role?.message} {...form.register('role')}>
          {roles.map((value) => (
            <option key={value} value={value}>
              {roleLabel(value)}
            </option>
          ))}
        </SelectField>
        <div className={styles.inviteAction}>
          <Button type="submit" variant="primary" icon="send" loading={isSubmitting}>
            Send invitation
          </Button>
        </div>
      </div>
    </form>
  );
}
