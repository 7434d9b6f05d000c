/** A post-sign-in destination from ?next=, accepted only when it is a path inside the app (no open redirect). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/app') || next.startsWith('//')) return '/app';
  return next;
}
