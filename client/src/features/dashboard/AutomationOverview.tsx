import { Link } from 'react-router';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { QueryState } from '../../components/States';
import { formatDate, formatDateTime, formatRelative } from '../../lib/format';
import { automationTaskStateLabels, automationTaskStateTones, labelOf } from '../../lib/labels';
import { healthLabels, healthTone, platformNames } from '../social/api';
import { useDashboard, type WeekCount } from './api';
import styles from './dashboard.module.css';

const chartStates = ['published', 'scheduled', 'failed'] as const;
const stateLabels: Record<(typeof chartStates)[number] | 'other', string> = {
  published: 'Published',
  scheduled: 'Scheduled',
  failed: 'Failed',
  other: 'Other',
};

function other(week: WeekCount) {
  return week.total - chartStates.reduce((sum, state) => sum + (week.byState[state] ?? 0), 0);
}

/**
 * Posts per week as plain CSS bars, with the same numbers in a table for screen readers (inside a hidden box: a
 * table ignores a 1px width and would widen the page).
 */
function WeekChart({ weeks }: { weeks: WeekCount[] }) {
  const max = Math.max(1, ...weeks.map((w) => w.total));
  return (
    <figure className={styles.chart}>
      <div className={styles.bars} aria-hidden="true">
        {weeks.map((week) => (
          <div key={week.weekStart} className={styles.barColumn} data-current={week.current || undefined}>
            <div className={styles.bar} style={{ height: `${(week.total / max) * 100}%` }}>
              {[...chartStates, 'other' as const].map((state) => {
                const count = state === 'other' ? other(week) : (week.byState[state] ?? 0);
                return count > 0 ? (
                  <span
                    key={state}
                    className={styles[`bar_${state}`]}
                    style={{ flexGrow: count }}
                    title={`${stateLabels[state]}: ${count}`}
                  />
                ) : null;
              })}
            </div>
            <span className={styles.barLabel}>{formatDate(week.weekStart).replace(/,? \d{4}$/, '')}</span>
          </div>
        ))}
      </div>
      <figcaption className={styles.legend}>
        {[...chartStates, 'other' as const].map((state) => (
          <span key={state}>
            <span className={`${styles.swatch} ${styles[`bar_${state}`]}`} aria-hidden="true" /> {stateLabels[state]}
          </span>
        ))}
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>Posts per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Posts</th>
              {chartStates.map((state) => (
                <th key={state} scope="col">
                  {stateLabels[state]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week) => (
              <tr key={week.weekStart}>
                <th scope="row">
                  {formatDate(week.weekStart)}
                  {week.current ? ' (this week)' : ''}
                </th>
                <td>{week.total}</td>
                {chartStates.map((state) => (
                  <td key={state}>{week.byState[state] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** Connection health, the next scheduled posts, posts per week and recent automation, from GET /api/v1/dashboard. */
export function AutomationOverview() {
  const dashboard = useDashboard();
  return (
    <QueryState query={dashboard} loadingLabel="Loading publishing activity" rows={3}>
      {(data) => (
        <div className="stack">
          {data.connectionWarnings.length > 0 && (
            <section aria-labelledby="connection-warnings-title">
              <Alert tone="warning" title={<span id="connection-warnings-title">Connections need attention</span>} live={false}>
                <ul className={styles.warnings}>
                  {data.connectionWarnings.map((warning) => (
                    <li key={warning.connectionId ?? warning.platform}>
                      <Badge tone={healthTone(warning.health)}>{healthLabels[warning.health]}</Badge> {warning.message}{' '}
                      <Link to="/app/automation/connections">{warning.action}</Link>
                    </li>
                  ))}
                </ul>
              </Alert>
            </section>
          )}

          <div className={styles.pair}>
            <section className="card" aria-labelledby="upcoming-title">
              <div className="card__header">
                <h2 id="upcoming-title" className="card__title">
                  Upcoming posts
                </h2>
                <Link to="/app/automation/connections" className="small">
                  Connections
                </Link>
              </div>
              {data.upcomingPosts.length === 0 ? (
                <div className="state">
                  <p className="state__text">Nothing is scheduled.</p>
                </div>
              ) : (
                <ul className="list" aria-label="Upcoming posts">
                  {data.upcomingPosts.map((post) => (
                    <li key={post.id} className={styles.post}>
                      <p className={styles.postTitle}>{post.title}</p>
                      <p className="small muted">
                        {post.scheduledAt ? formatDateTime(post.scheduledAt) : ''} ·{' '}
                        {post.variants.map((v) => platformNames[v.platform]).join(', ')}
                      </p>
                      {post.connectionWarnings.map((warning) => (
                        <p key={warning.platform} className="small">
                          <Badge tone={healthTone(warning.health)}>{healthLabels[warning.health]}</Badge> {warning.message}
                        </p>
                      ))}
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section className="card" aria-labelledby="activity-title">
              <div className="card__header">
                <h2 id="activity-title" className="card__title">
                  Recent automation
                </h2>
              </div>
              {data.recentActivity.length === 0 ? (
                <div className="state">
                  <p className="state__text">No automation has run yet.</p>
                </div>
              ) : (
                <ul className="list" aria-label="Recent automation">
                  {data.recentActivity.map((task) => (
                    <li key={task.id} className={styles.post}>
                      <p className={styles.postTitle}>
                        {task.title}{' '}
                        <Badge tone={automationTaskStateTones[task.state]}>
                          {labelOf(automationTaskStateLabels, task.state)}
                        </Badge>
                      </p>
                      <p className="small muted">
                        {formatRelative(task.startedAt)}
                        {task.result ? ` · ${task.result}` : ''}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>

          <section className="card" aria-labelledby="weeks-title">
            <div className="card__header">
              <div>
                <h2 id="weeks-title" className="card__title">
                  Posts per week
                </h2>
                <p className="card__subtitle">8 weeks back to 4 ahead, in {data.timeZone}</p>
              </div>
            </div>
            <div className="card__body">
              <WeekChart weeks={data.postsPerWeek} />
            </div>
          </section>
        </div>
      )}
    </QueryState>
  );
}
