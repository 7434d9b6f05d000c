import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Button } from '../../components/Button';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { useToast } from '../../components/Toaster';
import { useConnectBluesky } from './api';
import styles from './connections.module.css';

const schema = z.object({
  handle: z
    .string()
    .trim()
    .min(1, 'Enter the account’s handle, such as yourbrand.bsky.social.')
    .max(253, 'Use at most 253 characters.'),
  appPassword: z
    .string()
    .trim()
    .min(1, 'Enter an app password made in Bluesky’s settings.')
    .max(100, 'Use at most 100 characters.'),
});

type BlueskyValues = z.infer<typeof schema>;

/**
 * Bluesky has no app to register: the account's handle and an app password (made for this product in Bluesky's
 * settings, revocable there at any time) sign in once; only the session is kept, never the password.
 */
export function BlueskyConnectForm({ onDone }: { onDone: () => void }) {
  const connect = useConnectBluesky();
  const toast = useToast();
  const form = useForm<BlueskyValues>({ resolver: zodResolver(schema), defaultValues: { handle: '', appPassword: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      const connection = await connect.mutateAsync({ handle: values.handle.trim(), appPassword: values.appPassword.trim() });
      toast.success(`Bluesky is connected as ${connection.displayName}.`);
      onDone();
    } catch (error) {
      applyServerErrors(error, form.setError, ['handle', 'appPassword']);
    }
  });

  return (
    <form className={styles.blueskyForm} onSubmit={(event) => void submit(event)} aria-labelledby="bluesky-title" noValidate>
      <h3 id="bluesky-title" className={styles.unavailableTitle}>
        Connect Bluesky
      </h3>
      <p className="small muted">
        Bluesky uses an app password rather than your account password: make one in Bluesky under Settings, Privacy and security,
        App passwords. It is used once to sign in and is not stored; you can revoke it in Bluesky at any time.
      </p>
      <FormError errors={errors} />
      <TextField
        label="Handle"
        hint="Such as yourbrand.bsky.social, or your own domain."
        autoComplete="username"
        error={errors.handle?.message}
        {...form.register('handle')}
      />
      <TextField
        label="App password"
        type="password"
        autoComplete="off"
        error={errors.appPassword?.message}
        {...form.register('appPassword')}
      />
      <div className={styles.formActions}>
        <Button type="submit" loading={isSubmitting}>
          Connect Bluesky
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
