import { z } from 'zod';
import type { CompanyProfile, OnboardingCompanyRequest } from '../../api';
import { companyBasicsSchema, companyBasicsValues } from '../brands/CompanyBasicsFields';

export {
  isStepNumber,
  nextStep,
  positionOf,
  previousStep,
  stepCount,
  stepOf,
  steps,
  type StepKey,
  type StepNumber,
} from './stepList';

// The server's rules (SaveOnboardingCompanyValidator, Domain/Companies/Company.cs), checked here first so that a
// mistake shows at once; the server checks them again and names the field when one fails.
const required = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max.toLocaleString('en-US')} characters.`);

export const maxValues = 10;
export const maxColours = 8;
const hexColour = /^#[0-9A-Fa-f]{6}$/;

export const basicsSchema = companyBasicsSchema('company');

export const audienceSchema = z.object({
  targetAudience: required('whom you serve', 2000),
  coreProblem: required('the problem you solve', 2000),
});

export const voiceSchema = z.object({
  brandVoice: required('how your brand sounds', 2000),
});

export const strategySchema = z.object({
  vision: required('your vision', 2000),
  mission: required('your mission', 2000),
  values: z
    .array(
      z.object({
        name: required('the value’s name', 60),
        description: required('what the value means in practice', 500),
      }),
    )
    .min(1, 'Give at least one value.')
    .max(maxValues, `Give at most ${maxValues} values.`)
    .superRefine((values, context) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        const name = value.name.trim().toUpperCase();
        if (name && seen.has(name)) {
          context.addIssue({ code: 'custom', path: [index, 'name'], message: 'Each value has its own name.' });
        }
        seen.add(name);
      });
    }),
  positioningStatement: required('your positioning statement', 2000),
});

export const identitySchema = z.object({
  logoAssetId: z.string().nullable(),
  brandColours: z
    .array(z.string().trim().regex(hexColour, 'Write colours as #RRGGBB, e.g. #4F46E5.'))
    .max(maxColours, `Give at most ${maxColours} colours.`),
});

export type BasicsValues = z.infer<typeof basicsSchema>;
export type AudienceValues = z.infer<typeof audienceSchema>;
export type VoiceValues = z.infer<typeof voiceSchema>;
export type StrategyValues = z.infer<typeof strategySchema>;
export type IdentityValues = z.infer<typeof identitySchema>;

/** Each step's form values from the company as saved so far (empty for a step not yet done). */
export const basicsValues = companyBasicsValues;

export function audienceValues(company?: CompanyProfile | null): AudienceValues {
  return { targetAudience: company?.targetAudience ?? '', coreProblem: company?.coreProblem ?? '' };
}

export function voiceValues(company?: CompanyProfile | null): VoiceValues {
  return { brandVoice: company?.brandVoice ?? '' };
}

export function strategyValues(company?: CompanyProfile | null): StrategyValues {
  return {
    vision: company?.vision ?? '',
    mission: company?.mission ?? '',
    values: company?.values.length ? company.values.map((v) => ({ ...v })) : [{ name: '', description: '' }],
    positioningStatement: company?.positioningStatement ?? '',
  };
}

export function identityValues(company?: CompanyProfile | null): IdentityValues {
  return { logoAssetId: company?.logoAssetId ?? null, brandColours: [...(company?.brandColours ?? [])] };
}

/** The request body that saves one step. */
export function basicsRequest(values: BasicsValues): OnboardingCompanyRequest {
  return {
    basics: {
      name: values.name,
      industry: values.industry || null,
      website: values.website || null,
      description: values.description || null,
    },
  };
}
