import { errorMessage } from '../../api';
import { Alert } from '../../components/Alert';
import { useGuardSettings, useUpdateGuardSettings, type Severity } from './rulesApi';

const severities: { value: Severity; label: string }[] = [
  { value: 'high', label: 'High: words the brand avoids, figures the documents contradict' },
  { value: 'medium', label: 'Medium: names, hashtags, figures no document supports' },
  { value: 'low', label: 'Low: tone' },
];

/** Admins choose which findings stop a post being scheduled until an admin confirms it. */
export function BlockingSettings() {
  const settings = useGuardSettings();
  const update = useUpdateGuardSettings();
  const chosen = settings.data?.blockingSeverities ?? [];

  const toggle = (value: Severity, on: boolean) => update.mutate(on ? [...chosen, value] : chosen.filter((s) => s !== value));

  return (
    <fieldset className="stack stack--sm" disabled={settings.isPending || update.isPending}>
      <legend>Findings that block scheduling until an admin confirms</legend>
      {update.isError && <Alert tone="error">{errorMessage(update.error)}</Alert>}
      {severities.map(({ value, label }) => (
        <label key={value} className="cluster">
          <input type="checkbox" checked={chosen.includes(value)} onChange={(event) => toggle(value, event.target.checked)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
