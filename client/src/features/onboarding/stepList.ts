// The steps' names and numbers, apart from their forms' rules: the dashboard shows them without loading zod.
/** The wizard's five steps, as the API numbers them (Domain/Onboarding/OnboardingProgress.cs). */
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
    number: 4,
    key: 'strategy',
    title: 'Strategy',
    short: 'Strategy',
    text: 'Vision, mission, the values you live by and your positioning.',
  },
  {
    number: 5,
    key: 'identity',
    title: 'Logo, colours and files',
    short: 'Identity',
    text: 'Upload your brand files, pick the logo and set your colours.',
  },
] as const;

export type StepNumber = (typeof steps)[number]['number'];
export type StepKey = (typeof steps)[number]['key'];
export const stepCount = steps.length;

export function isStepNumber(value: number): value is StepNumber {
  return Number.isInteger(value) && value >= 1 && value <= stepCount;
}
