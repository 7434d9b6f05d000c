import { useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../../components/form/Fields';
import { errorMessage } from '../../../api';
import { useAssets } from '../../assets/api';
import { accountFor, useNetworks, useTikTokCreator } from '../../social/api';
import styles from '../calendar.module.css';
import type { ComposerValues } from './schema';

/** TikTok's privacy levels in the words its own app uses. */
export const tikTokPrivacyLabels: Record<string, string> = {
  PUBLIC_TO_EVERYONE: 'Everyone',
  MUTUAL_FOLLOW_FRIENDS: 'Friends (followers you follow back)',
  FOLLOWER_OF_CREATOR: 'Followers',
  SELF_ONLY: 'Only me',
};

const interactions = [
  { name: 'disableComment', label: 'Turn off comments', off: 'commentDisabled' },
  { name: 'disableDuet', label: 'Turn off duets', off: 'duetDisabled' },
  { name: 'disableStitch', label: 'Turn off stitches', off: 'stitchDisabled' },
] as const;

/**
 * TikTok asks the creator to choose, for every post, who can see it among the options TikTok gives their account now
 * (there is no default), and lets them turn interactions off; those their TikTok settings already turned off stay off.
 */
export function TikTokOptions({ form }: { form: UseFormReturn<ComposerValues> }) {
  const error = form.formState.errors.options?.tikTok?.privacy?.message;
  const companyId = useWatch({ control: form.control, name: 'companyId' });
  const media = useWatch({ control: form.control, name: 'media' }) ?? [];
  const networks = useNetworks();
  const account = accountFor(
    networks.data?.find((network) => network.platform === 'tikTok'),
    companyId,
  );
  const creator = useTikTokCreator(account?.id);
  const assets = useAssets({ pageSize: 100 });
  const clip = media.map((id) => assets.data?.items.find((asset) => asset.id === id)).find((asset) => asset?.type === 'video');
  const longest = creator.data?.maxVideoPostDurationSeconds;
  const tooLong = !!longest && (clip?.durationSeconds ?? 0) > longest;
  const hint = !account
    ? 'Connect a TikTok account to see who can be chosen.'
    : creator.isPending
      ? 'Asking TikTok what this account may post…'
      : creator.isError
        ? `TikTok could not be asked: ${errorMessage(creator.error)}`
        : `Posting as ${creator.data.nickname}.`;

  return (
    <fieldset className={styles.networkOptions}>
      <legend className="field__label">TikTok</legend>
      <SelectField label="Who can see this video" hint={hint} error={error} {...form.register('options.tikTok.privacy')}>
        <option value="">Choose who can see it</option>
        {(creator.data?.privacyLevelOptions ?? []).map((level) => (
          <option key={level} value={level}>
            {tikTokPrivacyLabels[level] ?? 'Another audience TikTok offers'}
          </option>
        ))}
      </SelectField>
      {interactions.map((item) => {
        const offInTikTok = !!creator.data?.[item.off];
        return (
          <label key={item.name} className={styles.checkboxRow}>
            <input
              type="checkbox"
              disabled={offInTikTok}
              {...(offInTikTok ? { checked: true, readOnly: true } : form.register(`options.tikTok.${item.name}`))}
            />
            <span>{offInTikTok ? `${item.label} (off in your TikTok settings)` : item.label}</span>
          </label>
        );
      })}
      {tooLong && (
        <p className="field__error" role="status">
          This account may post videos of up to {longest % 60 === 0 ? `${longest / 60} min` : `${longest} s`} on TikTok; this one
          is longer.
        </p>
      )}
      <p className="field__hint">
        By posting, you agree to TikTok’s{' '}
        <a href="https://www.tiktok.com/legal/page/global/music-usage-confirmation/en" target="_blank" rel="noreferrer">
          Music Usage Confirmation
        </a>
        .
      </p>
    </fieldset>
  );
}
