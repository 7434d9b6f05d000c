import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api';
import type { ImportColumns, ImportReport } from './api';
import { ImportReportView } from './ImportReportView';
import { MappingForm } from './MappingForm';

const columns: ImportColumns = {
  headers: ['Publish date', 'Channels', 'Message', 'LinkedIn copy', 'Notes'],
  delimiter: ';',
  rows: 12,
  suggested: { date: 'Publish date', networks: 'Channels', text: 'Message' },
  fields: [
    { key: 'date', label: 'Date', description: 'The day to publish.', required: true },
    { key: 'networks', label: 'Networks', description: 'The networks.', required: false },
    { key: 'text', label: 'Text', description: 'The text.', required: false },
    { key: 'text.linkedIn', label: 'LinkedIn text', description: 'LinkedIn only.', required: false },
  ],
  sampleRows: [],
};

describe('column matching', () => {
  it('starts from the guessed columns and sends field keys with the chosen headers', async () => {
    const onCheck = vi.fn(async () => {});
    render(<MappingForm columns={columns} onCheck={onCheck} onChange={() => {}} />);

    expect(screen.getByLabelText('Date')).toHaveValue('Publish date');
    await userEvent.selectOptions(screen.getByLabelText(/^LinkedIn text/), 'LinkedIn copy');
    await userEvent.click(screen.getByLabelText('Keep them as drafts'));
    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));

    expect(onCheck).toHaveBeenCalledWith({
      target: 'draft',
      mapping: { date: 'Publish date', networks: 'Channels', text: 'Message', 'text.linkedIn': 'LinkedIn copy' },
    });
  });

  it('asks for the date column, and one column for two fields, before checking', async () => {
    const onCheck = vi.fn(async () => {});
    render(<MappingForm columns={columns} onCheck={onCheck} onChange={() => {}} />);

    await userEvent.selectOptions(screen.getByLabelText('Date'), '');
    await userEvent.selectOptions(screen.getByLabelText(/^LinkedIn text/), 'Message');
    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));

    expect(await screen.findByText('Choose the column with the date to publish.')).toBeInTheDocument();
    expect(screen.getByText('“Message” is already used for another field.')).toBeInTheDocument();
    expect(onCheck).not.toHaveBeenCalled();
  });

  it('shows the server’s word on a column under its field', async () => {
    const onCheck = vi.fn(async () => {
      throw new ApiError('http', 400, { errors: { 'mapping.date': ['The file has no column “Publish date”.'] } });
    });
    render(<MappingForm columns={columns} onCheck={onCheck} onChange={() => {}} />);

    await userEvent.click(screen.getByRole('button', { name: 'Check every row' }));

    expect(await screen.findByText('The file has no column “Publish date”.')).toBeInTheDocument();
    expect(screen.getByLabelText('Date')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the dry run’s report', () => {
  it('lists each bad row with its column and reason, and says what was skipped', () => {
    const report: ImportReport = {
      rows: 4,
      ready: 1,
      invalid: 1,
      alreadyImported: 1,
      duplicates: 1,
      created: 0,
      dryRun: true,
      target: 'schedule',
      timeZone: 'Europe/Berlin',
      errors: [{ row: 3, column: 'Channels', field: 'networks', message: '“MySpace” is not a network this product posts to.' }],
      skipped: [
        { row: 4, reason: 'Imported before: the post already exists.', sameAsRow: null },
        { row: 5, reason: 'The same as row 2.', sameAsRow: 2 },
      ],
      sample: [{ row: 2, title: 'Spring launch', local: '2027-01-12T09:00:00+01:00', networks: ['LinkedIn'], postId: null }],
    };
    render(<ImportReportView report={report} />);

    expect(
      screen.getByText(
        '4 rows read: 1 row ready to import, 1 row with problems, 1 row imported before, 1 row repeated in the file.',
      ),
    ).toBeInTheDocument();
    const row = screen.getAllByRole('row')[1]!;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['3', 'Channels', '“MySpace” is not a network this product posts to.']);
    expect(screen.getByText('Row 5: The same as row 2.')).toBeInTheDocument();
  });
});
