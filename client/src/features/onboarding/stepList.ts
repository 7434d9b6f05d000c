// The steps' names and numbers, apart from their forms' rules: the dashboard shows them without loading zod.
/**
 * The wizard's five steps in the order it walks them, each with the number the API gives it
 * (Domain/Onboarding/OnboardingProgress.cs). The files come before the strategy, so that the strategy's AI draft can
 * use them; the numbers stayed, so a step's number is not its place: use `positionOf` for "Step 4 of 5".
 */
export const steps = [
  {
    number: 1,
    key: 'basics',
    title: 'Company basics',
    short: 'Basics',
    text: 'Who you are: the name, what you do and where people find you.',
  },
  {
    number: 2,
    key: 'audience',
    title: 'Audience',
    short: 'Audience',
    text: 'Whom you serve, and the problem you solve for them.',
  },
  {
    number: 3,
    key: 'voice',
    title: 'Brand voice',
    short: 'Voice',
    text: 'How your brand sounds when it speaks.',
  },
  {
    number: 5,
    key: 'identity',
    title: 'Logo, colours and files',
    short: 'Identity',
    text: 'Upload your brand files, pick the logo and set your colours.',
  },
  {
    number: 4,
    key: 'strategy',
    title: 'Strategy',
    short: 'Strategy',
    text: 'Vision, mission, the values you live by and your positioning.',
  },
] as const;

export type StepNumber = (typeof steps)[number]['number'];
export type StepKey = (typeof steps)[number]['key'];
export const stepCount = steps.length;

/** The step with this API number. */
export function stepOf(number: StepNumber) {
  return steps.find((step) => step.number === number)!;
}

/** Where the step comes in the wizard, from 1. */
export function positionOf(number: StepNumber): number {
  return steps.findIndex((step) => step.number === number) + 1;
}

/** The step after this one in the wizard's order, if any. */
export function nextStep(number: StepNumber): StepNumber | undefined {
  return steps[positionOf(number)]?.number;
}

/** The step before this one in the wizard's order, if any. */
export function previousStep(number: StepNumber): StepNumber | undefined {
  const position = positionOf(number);
  return position > 1 ? steps[position - 2]!.number : undefined;
}

export function isStepNumber(value: number): value is StepNumber {
  return Number.isInteger(value) && value >= 1 && value <= stepCount;
}
