/** RFC 9457 problem details as the API writes them (400s add per-field `errors`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  traceId?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

export type ApiErrorKind = 'network' | 'http';

/**
 * Every failed API call ends as an ApiError: `network` when the server could not be reached (show a retry),
 * `http` with the status and the server's problem details otherwise (show its message, or its field errors on
 * the fields they name).
 */
export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number;
  readonly problem: ProblemDetails;
  /** Field name (as the API spells it, e.g. `password`) to messages. */
  readonly fieldErrors: Record<string, string[]>;
  /** Seconds to wait, from a 429's Retry-After. */
  readonly retryAfter: number | null;

  constructor(kind: ApiErrorKind, status: number, problem: ProblemDetails, retryAfter: number | null = null) {
    super(problem.detail ?? problem.title ?? `Request failed (${status}).`);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.problem = problem;
    this.fieldErrors = problem.errors ?? {};
    this.retryAfter = retryAfter;
  }

  static network(cause?: unknown): ApiError {
    const error = new ApiError('network', 0, {
      title: 'No connection',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
    if (cause !== undefined) (error as { cause?: unknown }).cause = cause;
    return error;
  }

  /** Reads a failed response's problem details; tolerates bodies that are not JSON (a proxy's error page). */
  static async fromResponse(response: Response, parsedBody?: unknown): Promise<ApiError> {
    let body = parsedBody;
    if (body === undefined) {
      const text = await response.text().catch(() => '');
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
    }
    const problem: ProblemDetails =
      body && typeof body === 'object' ? (body as ProblemDetails) : { title: defaultTitle(response.status) };
    const retryAfter = Number(response.headers.get('Retry-After'));
    return new ApiError('http', response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }

  get isNetwork(): boolean {
    return this.kind === 'network';
  }

  get traceId(): string | undefined {
    return this.problem.traceId;
  }

  /** A sentence for the user: the server's own words when it gave some. */
  get userMessage(): string {
    if (this.kind === 'network') return this.problem.detail!;
    if (this.status === 429) {
      return this.retryAfter
        ? `Too many requests. Try again in ${this.retryAfter} seconds.`
        : 'Too many requests. Try again shortly.';
    }
    if (this.status >= 500) return 'Something went wrong on our side. Try again in a moment.';
    const fieldMessages = Object.values(this.fieldErrors).flat();
    return this.problem.detail ?? fieldMessages[0] ?? this.problem.title ?? defaultTitle(this.status);
  }
}

function defaultTitle(status: number): string {
  switch (status) {
    case 400:
      return 'The request was not valid.';
    case 401:
      return 'You are not signed in.';
    case 403:
      return 'You do not have access to this.';
    case 404:
      return 'Not found.';
    case 409:
      return 'This conflicts with a change made elsewhere.';
    default:
      return status >= 500 ? 'The server had a problem.' : `Request failed (${status}).`;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The sentence to show for any failure. */
export function errorMessage(error: unknown): string {
  return isApiError(error) ? error.userMessage : 'Something went wrong. Try again.';
}
