import { formatDate } from '../../lib/format';
import styles from './analytics.module.css';

export interface TrendSeries {
  name: string;
  points: { day: string; value: number }[];
}

interface TrendChartProps {
  title: string;
  series: TrendSeries[];
  /** Says what a value is, for the table read aloud: "impressions". */
  unit: string;
}

const colours = ['var(--color-primary)', 'var(--color-success, #15803d)', 'var(--color-warning, #b45309)', '#7c3aed', '#0e7490'];

/**
 * Lines over the days of the period as inline SVG that scales to its box (no sideways scrolling on a phone), with the
 * same numbers in a table for screen readers (inside a hidden box: a table ignores a 1px width and would widen the page).
 */
export function TrendChart({ title, series, unit }: TrendChartProps) {
  const days = series[0]?.points.map((p) => p.day) ?? [];
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const x = (i: number) => (days.length <= 1 ? 50 : (i / (days.length - 1)) * 100);
  const y = (value: number) => 38 - (value / max) * 36;
  return (
    <figure className={styles.chart}>
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" className={styles.svg} aria-hidden="true" focusable="false">
        <line x1="0" x2="100" y1="38" y2="38" className={styles.axis} />
        {series.map((s, index) => (
          <polyline
            key={s.name}
            fill="none"
            stroke={colours[index % colours.length]}
            strokeWidth="1.5"
            vectorEffect="non-scaling-stroke"
            points={s.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')}
          />
        ))}
      </svg>
      <div className={styles.axisLabels} aria-hidden="true">
        <span>{days[0] ? formatDate(days[0]) : ''}</span>
        <span>{max.toLocaleString()}</span>
        <span>{days.length > 0 ? formatDate(days.at(-1) ?? '') : ''}</span>
      </div>
      <figcaption className={styles.legend}>
        {series.map((s, index) => (
          <span key={s.name}>
            <span className={styles.swatch} style={{ background: colours[index % colours.length] }} aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
      <div className="visually-hidden">
        <table>
          <caption>
            {title} ({unit})
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th key={s.name} scope="col">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{formatDate(day)}</th>
                {series.map((s) => (
                  <td key={s.name}>{s.points[i]?.value ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
