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

export type SignInValues = z.infer<typeof signInSchema>;
export type SignUpValues = z.infer<typeof signUpSchema>;
