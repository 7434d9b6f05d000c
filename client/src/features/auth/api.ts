import { api, sessionStore, unwrap, type AuthResponse, type TwoFactorChallenge } from '../../api';

export interface SignInInput {
  email: string;
  password: string;
}

export interface SignUpInput {
  fullName: string;
  companyName: string;
  email: string;
  password: string;
}

export interface AcceptInviteInput {
  token: string;
  password: string;
  fullName?: string | null;
}

function start(response: AuthResponse) {
  return sessionStore.set(response);
}

/**
 * Signs in, or answers the challenge of the second step when the account has two-factor sign-in (the password was
 * right, but there is no session yet): `completeTwoFactorSignIn` follows with a code.
 */
export async function signIn(input: SignInInput): Promise<{ twoFactor: TwoFactorChallenge | null }> {
  const answer = await unwrap(api.POST('/api/v1/auth/login', { body: input }));
  if ('challenge' in answer) return { twoFactor: answer };
  start(answer);
  return { twoFactor: null };
}

/** The second step: a code from the authenticator app, or a recovery code (used up by this). */
export async function completeTwoFactorSignIn(input: { challenge: string; code?: string; recoveryCode?: string }) {
  return start(await unwrap(api.POST('/api/v1/auth/login/two-factor', { body: input })));
}

/** The new workspace starts in the browser's time zone (the settings page can change it); the API falls back to UTC. */
export async function signUp(input: SignUpInput) {
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  return start(await unwrap(api.POST('/api/v1/auth/register', { body: { ...input, timeZone } })));
}

export async function acceptInvite(input: AcceptInviteInput) {
  return start(await unwrap(api.POST('/api/v1/auth/accept-invite', { body: input })));
}

/** The workspace, inviter and role of an invitation link; refused (400 on `token`) once it is used or expired. */
export async function previewInvitation(token: string) {
  return unwrap(api.POST('/api/v1/auth/invitation-preview', { body: { token } }));
}

export async function switchTenant(tenantId: string) {
  return start(await unwrap(api.POST('/api/v1/auth/switch-tenant', { body: { tenantId } })));
}

/** Ends the session on the server when it can be reached, and in this browser either way. */
export async function signOut() {
  try {
    await unwrap(api.POST('/api/v1/auth/logout'));
  } catch {
    // Offline or already expired: the tokens are dropped below, and the server's session expires on its own.
  } finally {
    sessionStore.clear('signed-out');
  }
}

/** Asks for a reset link; the server answers the same whether or not the address has an account. */
export async function requestPasswordReset(email: string) {
  await unwrap(api.POST('/api/v1/auth/password/forgot', { body: { email } }));
}

/** The user id and token an e-mailed link carries in its fragment (`#user=...&token=...`), or null. */
export function linkFragment(hash: string): { userId: string; token: string } | null {
  const fields = new URLSearchParams(hash.replace(/^#/, ''));
  const userId = fields.get('user');
  const token = fields.get('token');
  return userId && token ? { userId, token } : null;
}

/** Sets a new password from a reset link. Every session of the account ends, this browser's too. */
export async function resetPassword(input: { userId: string; token: string; newPassword: string }) {
  await unwrap(api.POST('/api/v1/auth/password/reset', { body: input }));
  sessionStore.clear('signed-out');
}

export async function changePassword(input: { currentPassword: string; newPassword: string; keepThisSession: boolean }) {
  await unwrap(api.POST('/api/v1/auth/password/change', { body: input }));
  if (!input.keepThisSession) sessionStore.clear('signed-out');
}

export async function verifyEmail(input: { userId: string; token: string }) {
  await unwrap(api.POST('/api/v1/auth/email/verify', { body: input }));
}

export async function sendEmailVerification() {
  await unwrap(api.POST('/api/v1/auth/email/send-verification'));
}
