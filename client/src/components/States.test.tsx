import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { ErrorState } from './States';

describe('ErrorState', () => {
  it('offers a retry when the connection was lost', async () => {
    const onRetry = vi.fn();
    render(<ErrorState error={ApiError.network()} onRetry={onRetry} />);

    expect(screen.getByRole('heading', { name: 'You seem to be offline' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });

  it('quotes the trace id of a server error', () => {
    render(<ErrorState error={new ApiError('http', 500, { traceId: '0HN:42' })} onRetry={() => {}} />);

    expect(screen.getByText('Reference: 0HN:42')).toBeInTheDocument();
  });

  it('offers no retry for an answer that will not change (404)', () => {
    render(<ErrorState error={new ApiError('http', 404, { detail: 'Company 1 was not found.' })} onRetry={() => {}} />);

    expect(screen.getByRole('heading', { name: 'Not found' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});
