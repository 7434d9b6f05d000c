import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api';
import { renderPage } from '../../test/render';
import { BrandFormDialog } from './BrandFormDialog';

describe('BrandFormDialog', () => {
  it('shows the server’s website error on the website field and keeps the dialog open', async () => {
    const onClose = vi.fn();
    const onSubmit = vi.fn(async () => {
      throw new ApiError('http', 400, { errors: { website: ['Enter a full web address starting with https://.'] } });
    });
    renderPage(<BrandFormDialog open onClose={onClose} onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Brand name'), 'Acme');
    await user.type(screen.getByLabelText(/Website/), 'https://acme');
    await user.click(screen.getByRole('button', { name: 'Add brand' }));

    expect(await screen.findByText('Enter a full web address starting with https://.')).toBeInTheDocument();
    expect(screen.getByLabelText(/Website/)).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('dialog', { name: 'Add a brand' })).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('sends empty optional fields as null and closes when saved', async () => {
    const onClose = vi.fn();
    const onSubmit = vi.fn(async () => undefined);
    renderPage(<BrandFormDialog open onClose={onClose} onSubmit={onSubmit} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText('Brand name'), '  Acme  ');
    await user.click(screen.getByRole('button', { name: 'Add brand' }));

    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Acme', industry: null, website: null, description: null });
  });

  it('refuses a name the server would refuse, without asking it', async () => {
    const onSubmit = vi.fn();
    renderPage(<BrandFormDialog open onClose={() => {}} onSubmit={onSubmit} />);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Add brand' }));

    expect(await screen.findByText('Enter the brand name.')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
