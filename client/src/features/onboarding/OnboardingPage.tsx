import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OnboardingCompanyRequest, OnboardingProgress } from '../../api';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/States';
import { useToast } from '../../components/Toaster';
import { errorMessage } from '../../api';
import { hasRole, useSession } from '../auth/useSession';
import { useMoveOnboardingStep, useOnboardingProgress, useSaveOnboardingStep } from './api';
import { CompletionScreen } from './CompletionScreen';
import { Stepper } from './Stepper';
import {
  audienceValues,
  basicsRequest,
  basicsValues,
  identityValues,
  isStepNumber,
  nextStep,
  previousStep,
  stepOf,
  strategyValues,
  voiceValues,
  type StepKey,
  type StepNumber,
} from './steps';
import { AudienceStep } from './steps/AudienceStep';
import { BasicsStep } from './steps/BasicsStep';
import { IdentityStep } from './steps/IdentityStep';
import { StrategyStep } from './steps/StrategyStep';
import { VoiceStep } from './steps/VoiceStep';
import styles from './onboarding.module.css';

export default function OnboardingPage() {
  const progress = useOnboardingProgress();
  return (
    <>
      <PageHeader
        title="Set up your brand"
        description="Five short steps. Each one is saved when you continue, so you can stop and pick up where you left off."
      />
      <QueryState query={progress} loadingLabel="Loading your setup" rows={5}>
        {(data) => <Wizard progress={data} />}
      </QueryState>
    </>
  );
}

export type WizardView = StepNumber | 'done';

/** The step the page shows: the one in the address (?step=3, ?step=done), else where the server says the user is. */
export function viewOf(requested: string | null, progress: OnboardingProgress): WizardView {
  if (requested === 'done' && progress.completed) return 'done';
  const asked = Number(requested);
  if (requested && isStepNumber(asked) && (asked === 1 || progress.companyId)) return asked;
  if (progress.completed && !requested) return 'done';
  return progress.companyId && isStepNumber(progress.currentStep) ? progress.currentStep : 1;
}

function Wizard({ progress }: { progress: OnboardingProgress }) {
  const session = useSession();
  const readOnly = !hasRole(session, 'editor');
  const [params, setParams] = useSearchParams();
  const view = viewOf(params.get('step'), progress);
  const save = useSaveOnboardingStep();
  const move = useMoveOnboardingStep();
  const toast = useToast();
  // What was typed in a step and left unsaved, kept while the page is open (a Map mutated in place, not state:
  // nothing re-renders when a step is left). A step left because it was just saved keeps no draft.
  const [drafts] = useState(() => new Map<StepKey, unknown>());
  const [justSaved] = useState(() => new Set<StepKey>());

  // Moving between steps moves focus to the new step's title, as a page change moves it to the page's heading.
  const shown = useRef(view);
  useEffect(() => {
    if (shown.current === view) return;
    shown.current = view;
    document.querySelector<HTMLElement>('[data-step-heading]')?.focus();
  }, [view]);

  const goTo = (target: WizardView, known: OnboardingProgress = progress) => {
    setParams({ step: String(target) });
    // The server remembers the step the user is on, so that the wizard resumes there on any device.
    if (target !== 'done' && !readOnly && known.companyId && target !== known.currentStep) {
      move.mutate(target, { onError: (error) => toast.error(errorMessage(error)) });
    }
  };

  const saveStep = async (number: StepNumber, body: OnboardingCompanyRequest) => {
    const create = number === 1 && !progress.companyId;
    const saved = await save.mutateAsync({ body, create });
    drafts.delete(stepOf(number).key);
    justSaved.add(stepOf(number).key);
    const next = nextStep(number);
    if (next !== undefined) goTo(next, saved);
    else if (saved.completed) goTo('done', saved);
    else {
      toast.success('Saved. A few steps are still open.');
      goTo(isStepNumber(saved.currentStep) ? saved.currentStep : 1, saved);
    }
  };

  const draft = <T,>(key: StepKey, saved: T): T => (drafts.get(key) as T | undefined) ?? saved;
  const keep = (key: StepKey) => (values: unknown) => {
    if (justSaved.delete(key)) return;
    drafts.set(key, values);
  };
  const previous = typeof view === 'number' ? previousStep(view) : undefined;
  const back = previous !== undefined ? () => goTo(previous) : undefined;
  const company = progress.company;
  const common = { onBack: back, readOnly };

  return (
    <div className={styles.layout}>
      <Stepper progress={progress} view={view} onSelect={goTo} />
      <div className={styles.main}>
        {readOnly && (
          <Alert tone="info" live={false}>
            You have view access: you can read the answers, and an editor or admin can change them.
          </Alert>
        )}
        {view === 'done' ? (
          <CompletionScreen progress={progress} onReview={() => goTo(1)} />
        ) : view === 1 ? (
          <BasicsStep
            key="basics"
            initial={draft('basics', basicsValues(company))}
            onLeave={keep('basics')}
            onSave={(values) => saveStep(1, basicsRequest(values))}
            {...common}
          />
        ) : view === 2 ? (
          <AudienceStep
            key="audience"
            initial={draft('audience', audienceValues(company))}
            onLeave={keep('audience')}
            onSave={(audience) => saveStep(2, { audience })}
            {...common}
          />
        ) : view === 3 ? (
          <VoiceStep
            key="voice"
            initial={draft('voice', voiceValues(company))}
            onLeave={keep('voice')}
            onSave={(voice) => saveStep(3, { voice })}
            {...common}
          />
        ) : view === 4 ? (
          <StrategyStep
            key="strategy"
            initial={draft('strategy', strategyValues(company))}
            onLeave={keep('strategy')}
            onSave={(strategy) => saveStep(4, { strategy })}
            companyId={progress.companyId ?? null}
            filesDone={progress.completedSteps.includes(5)}
            onFiles={() => goTo(5)}
            {...common}
          />
        ) : (
          <IdentityStep
            key="identity"
            companyId={progress.companyId ?? null}
            initial={draft('identity', identityValues(company))}
            onLeave={keep('identity')}
            onSave={(identity) => saveStep(5, { identity })}
            {...common}
          />
        )}
      </div>
    </div>
  );
}
