import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/form/FormError';
import { TextField } from '../../components/form/Fields';
import { applyServerErrors } from '../../components/form/serverErrors';
import { Icon } from '../../components/Icon';
import { Menu } from '../../components/Menu';
import { useToast } from '../../components/Toaster';
import { useSession } from '../auth/useSession';
import { roleLabel } from '../team/roles';
import { useCreateTenant, useSwitchTenant, useTenants } from './api';
import styles from './TenantSwitcher.module.css';

/** The current workspace, and a menu to move to another one or create one. */
export function TenantSwitcher() {
  const session = useSession();
  const tenants = useTenants();
  const switcher = useSwitchTenant();
  const navigate = useNavigate();
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  if (!session) return null;

  const choose = (tenantId: string, name: string, close: () => void) => {
    if (tenantId === session.tenant.id) return close();
    switcher.mutate(tenantId, {
      onSuccess: () => {
        close();
        navigate('/app');
        toast.success(`Switched to ${name}.`);
      },
      onError: (error) => toast.error(errorMessage(error)),
    });
  };

  return (
    <>
      <Menu
        label="Workspaces"
        trigger={(props) => (
          <button type="button" className={styles.trigger} {...props}>
            <Avatar name={session.tenant.name} size="sm" square />
            <span className={styles.text}>
              <span className={styles.name}>{session.tenant.name}</span>
              <span className={styles.role}>{roleLabel(session.user.role)}</span>
            </span>
            <Icon name="chevronDown" className={styles.chevron} />
            <span className="visually-hidden">, switch workspace</span>
          </button>
        )}
      >
        {(close) => (
          <>
            <p className="menu__label">Your workspaces</p>
            {tenants.isPending && <p className="menu__item muted">Loading…</p>}
            {tenants.isError && (
              <button type="button" className="menu__item" onClick={() => void tenants.refetch()}>
                <Icon name="refresh" /> Could not load. Try again
              </button>
            )}
            {tenants.data?.map((tenant) => (
              <button
                key={tenant.id}
                type="button"
                className="menu__item"
                aria-current={tenant.id === session.tenant.id ? 'true' : undefined}
                disabled={switcher.isPending}
                onClick={() => choose(tenant.id, tenant.name, close)}
              >
                <Avatar name={tenant.name} size="sm" square />
                <span className={styles.itemText}>
                  {tenant.name}
                  <span className="muted small"> · {roleLabel(tenant.role)}</span>
                </span>
                {tenant.id === session.tenant.id && <Icon name="check" label="Current workspace" />}
              </button>
            ))}
            <hr className="menu__separator" />
            <button
              type="button"
              className="menu__item"
              onClick={() => {
                close();
                setCreating(true);
              }}
            >
              <Icon name="plus" /> Create a workspace
            </button>
          </>
        )}
      </Menu>
      <CreateWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

const schema = z.object({ name: z.string().trim().min(1, 'Enter a name.').max(120, 'Use at most 120 characters.') });

function CreateWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const create = useCreateTenant();
  const navigate = useNavigate();
  const toast = useToast();
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { name: '' } });
  const { errors, isSubmitting } = form.formState;

  const close = () => {
    form.reset();
    onClose();
  };

  const onSubmit = form.handleSubmit(async ({ name }) => {
    try {
      await create.mutateAsync(name);
      close();
      navigate('/app');
      toast.success(`Created ${name}. You are now working in it.`);
    } catch (error) {
      applyServerErrors(error, form.setError, ['name']);
    }
  });

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create a workspace"
      description="A separate space, with its own brands and team. You will be its admin."
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <TextField label="Workspace name" autoFocusOnOpen error={errors.name?.message} {...form.register('name')} />
        <div className="form__actions">
          <Button onClick={close}>Cancel</Button>
          <Button type="submit" variant="primary" loading={isSubmitting}>
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
