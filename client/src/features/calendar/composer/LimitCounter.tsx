import styles from '../calendar.module.css';

/** A count against a limit, like the text's counter, for a part of a post (a thread part, a first comment). */
export function LimitCounter({ label, length, max, testId }: { label: string; length: number; max: number; testId: string }) {
  const over = length > max;
  return (
    <p className={over ? `${styles.counter} ${styles.counterOver}` : styles.counter} data-testid={testId}>
      <span>{label}</span>{' '}
      <span>
        {length.toLocaleString()} / {max.toLocaleString()}
      </span>
      {over && <span role="alert"> — {(length - max).toLocaleString()} over the limit</span>}
    </p>
  );
}
