import { useWatch, type UseFormReturn } from 'react-hook-form';
import { TextAreaField } from '../../../components/form/Fields';
import { countText, platformLimits } from '../limits';
import styles from '../calendar.module.css';
import { commentMax, takesFirstComment } from './followUps';
import { LimitCounter } from './LimitCounter';
import type { ComposerValues } from './schema';

/**
 * A first comment per chosen network that takes one: hashtags under an Instagram post, the link under a LinkedIn post,
 * a reply on X or Threads. Posted right after the post; if it fails, the post stays published and the comment can be sent again.
 */
export function FirstComments({ form }: { form: UseFormReturn<ComposerValues> }) {
  const chosen = (useWatch({ control: form.control, name: 'platforms' }) ?? []).filter(takesFirstComment);
  const comments = useWatch({ control: form.control, name: 'followUps.firstComments' });
  const errors = form.formState.errors.followUps?.firstComments;
  if (chosen.length === 0) return null;
  return (
    <fieldset className={styles.networkOptions}>
      <legend className="field__label">First comment</legend>
      {chosen.map((platform) => {
        const name = platformLimits[platform].name;
        return (
          <div key={platform} className="stack stack--sm">
            <TextAreaField
              label={`First comment on ${name}`}
              optional
              rows={2}
              hint={
                platform === 'x'
                  ? 'Posted as a reply, under the post (under the last part of a thread).'
                  : platform === 'threads'
                    ? 'Posted as a reply, under the post.'
                    : 'Posted under the post, right after it.'
              }
              error={errors?.[platform]?.message}
              {...form.register(`followUps.firstComments.${platform}`)}
            />
            <LimitCounter
              label={`${name} comment`}
              length={countText(platform, comments?.[platform] ?? '')}
              max={commentMax[platform]}
              testId={`counter-comment-${platform}`}
            />
          </div>
        );
      })}
    </fieldset>
  );
}
