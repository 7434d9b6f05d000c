import { measure, platformLimits, type Platform } from '../limits';
import styles from '../calendar.module.css';

export /** How long the text is as the network counts it, against its limit: read out when it goes over. */
function Counter({ platform, text }: { platform: Platform; text: string }) {
  const count = measure(platform, text);
  const limits = platformLimits[platform];
  return (
    <p
      className={count.over ? `${styles.counter} ${styles.counterOver}` : styles.counter}
      data-testid={`counter-${platform}`}
      title={limits.countingNote}
    >
      <span>{limits.name}</span>{' '}
      <span>
        {count.length.toLocaleString()} / {count.max.toLocaleString()}
      </span>
      {count.over && <span role="alert"> — {(-count.remaining).toLocaleString()} over the limit</span>}
    </p>
  );
}
