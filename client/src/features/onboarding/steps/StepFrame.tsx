import { useEffect, useRef, type FormEventHandler, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { Button } from '../../../components/Button';
import { FormError } from '../../../components/form/FormError';
import { applyServerErrors } from '../../../components/form/serverErrors';
import { positionOf, stepCount, stepOf, type StepNumber } from '../steps';
import styles from '../onboarding.module.css';

/** What the wizard gives every step. */
export interface StepProps<T> {
  /** The values to start from: an unsaved draft of this visit, else what the server has. */
  initial: T;
  /** Saves the step; rejects with the server's ApiError, which the step shows on its fields. */
  onSave: (values: T) => Promise<void>;
  /** Keeps what was typed when the user leaves the step without saving. */
  onLeave: (values: T) => void;
  onBack?: () => void;
  /** Viewers see the answers but cannot change them. */
  readOnly: boolean;
}

interface StepFormOptions<T extends FieldValues> {
  resolver: Resolver<T>;
  initial: T;
  onSave: (values: T) => Promise<void>;
  onLeave: (values: T) => void;
  /** The step's name in the request (`strategy`): the server's field names start with it. */
  prefix: string;
  /** The form's fields, to place the server's field errors on. */
  fields: (values: T) => readonly Path<T>[];
}

/** One step's form: react-hook-form with its zod schema, the server's field errors on the nested fields they name. */
export function useStepForm<T extends FieldValues>({ resolver, initial, onSave, onLeave, prefix, fields }: StepFormOptions<T>) {
  const form = useForm<T>({ resolver, defaultValues: initial as DefaultValues<T>, mode: 'onTouched' });
  const leave = useRef(onLeave);
  useEffect(() => {
    leave.current = onLeave;
  });
  const getValues = form.getValues;
  useEffect(() => () => leave.current(getValues()), [getValues]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSave(values);
    } catch (error) {
      applyServerErrors(error, form.setError, fields(form.getValues()), { prefix });
    }
  });
  return { form, submit };
}

interface StepFrameProps {
  number: StepNumber;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  errors: Parameters<typeof FormError>[0]['errors'];
  onBack?: () => void;
  readOnly: boolean;
  /** Beside the step's title: the place for the step's helpers (the strategy's AI draft). */
  aside?: ReactNode;
  children: ReactNode;
}

/** The card around a step: its number and title, the form, and Back / Save and continue. */
export function StepFrame({ number, onSubmit, submitting, errors, onBack, readOnly, aside, children }: StepFrameProps) {
  const step = stepOf(number);
  const position = positionOf(number);
  const last = position === stepCount;
  const titleId = `step-${number}-title`;
  return (
    <section className={`card ${styles.stepCard}`} aria-labelledby={titleId}>
      <div className="card__header">
        <div>
          <p className={styles.stepEyebrow}>
            Step {position} of {stepCount}
          </p>
          <h2 id={titleId} className="card__title" tabIndex={-1} data-step-heading>
            {step.title}
          </h2>
          <p className="card__subtitle">{step.text}</p>
        </div>
        {aside}
      </div>
      <form className="card__body form" onSubmit={onSubmit} noValidate>
        <FormError errors={errors} />
        <fieldset className={styles.fieldset} disabled={readOnly}>
          <legend className="visually-hidden">{step.title}</legend>
          {children}
        </fieldset>
        <div className={styles.stepActions}>
          {onBack ? (
            <Button icon="arrowLeft" onClick={onBack}>
              Back
            </Button>
          ) : (
            <span />
          )}
          {!readOnly && (
            <Button type="submit" variant="primary" loading={submitting}>
              {last ? 'Save and finish' : 'Save and continue'}
            </Button>
          )}
        </div>
      </form>
    </section>
  );
}
