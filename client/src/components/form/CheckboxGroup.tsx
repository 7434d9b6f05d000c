import { useId } from 'react';
import { FieldError } from './Fields';
import type { UseFormRegisterReturn } from 'react-hook-form';
import styles from './CheckboxGroup.module.css';

export interface CheckboxChoice {
  value: string;
  label: string;
  description: string;
}

interface CheckboxGroupProps {
  legend: string;
  choices: readonly CheckboxChoice[];
  /** What `register('field')` returns: each box adds its value to the field's array. */
  registration: UseFormRegisterReturn;
  error?: string;
}

/** Several named choices, each with a line saying what it means, laid out in as many columns as fit. */
export function CheckboxGroup({ legend, choices, registration, error }: CheckboxGroupProps) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset className={styles.choices} aria-describedby={error ? errorId : undefined}>
      <legend className="field__label">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value} className={styles.choice}>
          <input type="checkbox" value={choice.value} {...registration} />
          <span>
            <span className={styles.name}>{choice.label}</span>
            <span className="small muted">{choice.description}</span>
          </span>
        </label>
      ))}
      {error && <FieldError id={errorId} message={error} />}
    </fieldset>
  );
}
