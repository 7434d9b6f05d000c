import type { OnboardingProgress } from '../../api';
import { Icon } from '../../components/Icon';
import { stepCount, steps } from './steps';
import type { WizardView } from './OnboardingPage';
import styles from './onboarding.module.css';

interface StepperProps {
  progress: OnboardingProgress;
  view: WizardView;
  onSelect: (view: WizardView) => void;
}

/**
 * The five steps, each marked done once the server has it. Steps can be visited in any order once the company exists
 * (step 1 creates it); the step on screen is `aria-current="step"`.
 */
export function Stepper({ progress, view, onSelect }: StepperProps) {
  const done = new Set(progress.completedSteps);
  const count = steps.filter((step) => done.has(step.number)).length;
  return (
    <nav className={styles.stepper} aria-label="Setup steps">
      <p className={styles.stepperSummary}>
        {count} of {stepCount} steps done
      </p>
      <div
        className={styles.meter}
        role="progressbar"
        aria-label="Setup progress"
        aria-valuemin={0}
        aria-valuemax={stepCount}
        aria-valuenow={count}
        aria-valuetext={`${count} of ${stepCount} steps done`}
      >
        <span style={{ width: `${(count / stepCount) * 100}%` }} />
      </div>
      <ol className={styles.stepList}>
        {steps.map((step, index) => {
          const isDone = done.has(step.number);
          const current = view === step.number;
          const reachable = step.number === 1 || !!progress.companyId;
          return (
            <li key={step.number}>
              <button
                type="button"
                className={styles.stepButton}
                aria-current={current ? 'step' : undefined}
                disabled={!reachable}
                onClick={() => onSelect(step.number)}
                data-done={isDone || undefined}
              >
                <span className={styles.bullet} aria-hidden="true">
                  {isDone ? <Icon name="check" /> : index + 1}
                </span>
                <span className={styles.stepLabel}>
                  <span className={styles.stepName}>{step.title}</span>
                  <span className={styles.stepState}>
                    {isDone ? 'Done' : current ? 'In progress' : reachable ? 'To do' : 'After the basics'}
                  </span>
                </span>
                <span className="visually-hidden">{`, step ${index + 1} of ${stepCount}${isDone ? ', done' : ''}`}</span>
              </button>
            </li>
          );
        })}
        {progress.completed && (
          <li>
            <button
              type="button"
              className={styles.stepButton}
              aria-current={view === 'done' ? 'step' : undefined}
              onClick={() => onSelect('done')}
              data-done
            >
              <span className={styles.bullet} aria-hidden="true">
                <Icon name="sparkles" />
              </span>
              <span className={styles.stepLabel}>
                <span className={styles.stepName}>Summary</span>
                <span className={styles.stepState}>All set</span>
              </span>
            </button>
          </li>
        )}
      </ol>
    </nav>
  );
}
