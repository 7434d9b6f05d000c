import { useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField, TextField } from '../../../components/form/Fields';
import { errorMessage } from '../../../api';
import { accountFor, useNetworks, usePinterestBoards } from '../../social/api';
import { codePointLength } from '../limits';
import styles from '../calendar.module.css';
import { titleMax } from './options';
import type { ComposerValues } from './schema';

/** A pin's board (read from the connected Pinterest account), its title with a live count, and the link it leads to. */
export function PinterestOptions({ form }: { form: UseFormReturn<ComposerValues> }) {
  const errors = form.formState.errors.options?.pinterest;
  const companyId = useWatch({ control: form.control, name: 'companyId' });
  const title = useWatch({ control: form.control, name: 'options.pinterest.title' }) ?? '';
  const boardId = useWatch({ control: form.control, name: 'options.pinterest.boardId' }) ?? '';
  const networks = useNetworks();
  const account = accountFor(
    networks.data?.find((network) => network.platform === 'pinterest'),
    companyId,
  );
  const boards = usePinterestBoards(account?.id);
  const titleLength = codePointLength(title.trim());
  const known = boards.data ?? [];
  const hint = !account
    ? 'Connect a Pinterest account to choose one of its boards.'
    : boards.isPending
      ? 'Loading the boards of this account…'
      : boards.isError
        ? `The boards could not be loaded: ${errorMessage(boards.error)}`
        : `Boards of ${account.displayName}.`;

  return (
    <fieldset className={styles.networkOptions}>
      <legend className="field__label">Pinterest</legend>
      <SelectField label="Board" hint={hint} error={errors?.boardId?.message} {...form.register('options.pinterest.boardId')}>
        <option value="">Choose a board</option>
        {boardId && !known.some((board) => board.id === boardId) && <option value={boardId}>The board chosen before</option>}
        {known.map((board) => (
          <option key={board.id} value={board.id}>
            {board.privacy === 'SECRET' ? `${board.name} (secret)` : board.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Pin title" optional error={errors?.title?.message} {...form.register('options.pinterest.title')} />
      <p
        className={titleLength > titleMax ? `${styles.counter} ${styles.counterOver}` : styles.counter}
        data-testid="counter-pin-title"
      >
        <span>Title</span>{' '}
        <span>
          {titleLength} / {titleMax}
        </span>
      </p>
      <TextField
        label="Link"
        type="url"
        optional
        inputMode="url"
        placeholder="https://"
        hint="Where the pin leads when someone taps it."
        error={errors?.link?.message}
        {...form.register('options.pinterest.link')}
      />
    </fieldset>
  );
}
