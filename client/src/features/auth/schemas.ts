import { z } from 'zod';

// The server's rules (DESIGN.md section 4): 12 to 128 characters, no composition rules. It also refuses common
// passwords, which only it can check; that answer comes back as errors.password.
export const passwordMin = 12;
export const passwordMax = 128;

export const email = z.string().trim().min(1, 'Enter your e-mail address.').max(254).email('Enter a valid e-mail address.');

export const newPassword = z
  .string()
  .min(passwordMin, `Use at least ${passwordMin} characters.`)
  .max(passwordMax, `Use at most ${passwordMax} characters.`);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(passwordMax),
});

export const signUpSchema = z.object({
  fullName: z.string().trim().min(1, 'Enter your name.').max(120, 'Use at most 120 characters.'),
  companyName: z.string().trim().min(1, 'Enter your company name.').max(120, 'Use at most 120 characters.'),
  email,
  password: newPassword,
});

export const forgotPasswordSchema = z.object({ email });

const confirmed = <T extends { newPassword: string; confirmPassword: string }>(values: T) =>
  values.newPassword === values.confirmPassword;
const mismatch = { message: 'The two passwords are not the same.', path: ['confirmPassword'] };

export const resetPasswordSchema = z.object({ newPassword, confirmPassword: z.string() }).refine(confirmed, mismatch);

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.').max(passwordMax),
    newPassword,
    confirmPassword: z.string(),
    keepThisSession: z.boolean(),
  })
  .refine(confirmed, mismatch);

export type SignInValues = z.infer<typeof signInSchema>;
export type SignUpValues = z.infer<typeof signUpSchema>;
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;
