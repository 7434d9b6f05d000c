import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  // A lost connection gets one quick retry, then the page offers its own "Try again".
  if (error.isNetwork) return failureCount < 1;
  return error.status >= 500 && failureCount < 2;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Fail (and show a retry) when offline rather than wait silently with a spinner.
        networkMode: 'always',
        retry: shouldRetry,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 4000),
        staleTime: 30_000,
        refetchOnWindowFocus: true,
      },
      mutations: {
        networkMode: 'always',
        retry: false,
      },
    },
  });
}
