import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../../api';
import { installFakeXhr, nthRequest } from '../../test/fakeXhr';
import { authResponse, renderPage } from '../../test/render';
import { FileUploader } from './FileUploader';
import { nextBatch, progressOf, type UploadItem } from './useUploadQueue';

const kb = (n: number) => n * 1024;
const mb = (n: number) => n * 1024 * 1024;

function file(name: string, size: number, type = 'image/png') {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

function asset(id: string, name: string) {
  return { id, name, state: 'uploaded', type: 'image' };
}

const bar = (name: string) => screen.getByRole('progressbar', { name: `Upload of ${name}` });

describe('FileUploader', () => {
  it('shows each file’s progress while the request goes out, then that it is uploaded', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    const onUploaded = vi.fn();
    renderPage(<FileUploader companyId="c1" onUploaded={onUploaded} />);
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Choose files'), [file('logo.png', kb(100)), file('guide.pdf', kb(300))]);

    // Small files share one request, for the brand being set up.
    const xhr = await nthRequest(1);
    expect(xhr.fileNames).toEqual(['logo.png', 'guide.pdf']);
    expect(new URL(xhr.url).searchParams.get('companyId')).toBe('c1');
    expect(bar('logo.png')).toHaveAttribute('aria-valuenow', '0');

    // Half the body sent: the first file (a quarter of the bytes) is done, the second a third of the way.
    act(() => xhr.progress(200, 400));
    expect(bar('logo.png')).toHaveAttribute('aria-valuenow', '100');
    expect(bar('guide.pdf')).toHaveAttribute('aria-valuenow', '33');
    expect(screen.getByText('33% uploaded')).toBeInTheDocument();

    await act(async () => xhr.respond(201, [asset('a1', 'logo.png'), asset('a2', 'guide.pdf')]));
    expect(await screen.findAllByText('Uploaded: processing starts now')).toHaveLength(2);
    expect(onUploaded).toHaveBeenCalledWith([asset('a1', 'logo.png'), asset('a2', 'guide.pdf')]);
    expect(screen.getByRole('status')).toHaveTextContent('2 of 2 files uploaded.');
  });

  it('sends a large file in a request of its own', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    renderPage(<FileUploader />);
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Choose files'), [
      file('film.mp4', mb(50), 'video/mp4'),
      file('a.png', kb(10)),
      file('b.png', kb(10)),
    ]);

    const first = await nthRequest(1);
    expect(first.fileNames).toEqual(['film.mp4']);
    await act(async () => first.respond(201, [asset('v', 'film.mp4')]));
    const second = await nthRequest(2);
    expect(second.fileNames).toEqual(['a.png', 'b.png']);
  });

  it('shows the server’s refusal on the file it names and uploads the others again', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    renderPage(<FileUploader />);
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Choose files'), [file('logo.png', kb(10)), file('virus.png', kb(10))]);
    const shared = await nthRequest(1);
    await act(async () =>
      shared.respond(
        415,
        {
          title: 'This kind of file is not accepted.',
          errors: { 'files[1]': ["'virus.png' was refused: its content is not an image."] },
        },
        'application/problem+json',
      ),
    );

    const retry = await nthRequest(2);
    expect(retry.fileNames).toEqual(['logo.png']);
    const refused = screen.getByText('virus.png').closest('li')!;
    expect(within(refused).getByText("'virus.png' was refused: its content is not an image.")).toBeInTheDocument();
    expect(within(refused).getByRole('button', { name: 'Try virus.png again' })).toBeInTheDocument();

    await act(async () => retry.respond(201, [asset('a1', 'logo.png')]));
    expect(await screen.findByText('Uploaded: processing starts now')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('1 of 2 files uploaded, 1 not uploaded.');
  });

  it('offers a retry when the connection drops', async () => {
    installFakeXhr();
    sessionStore.set(authResponse());
    renderPage(<FileUploader />);
    const user = userEvent.setup();

    await user.upload(screen.getByLabelText('Choose files'), [file('logo.png', kb(10))]);
    const first = await nthRequest(1);
    await act(async () => first.failConnection());

    expect(await screen.findByText(/The server could not be reached/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try logo.png again' }));
    const again = await nthRequest(2);
    expect(again.fileNames).toEqual(['logo.png']);
  });
});

describe('upload batching', () => {
  const item = (name: string, size: number, extra: Partial<UploadItem> = {}): UploadItem => ({
    id: name,
    file: file(name, size),
    status: 'queued',
    progress: 0,
    ...extra,
  });

  it('groups small files and leaves large ones, and files told apart, alone', () => {
    expect(nextBatch([item('a', kb(1)), item('big', mb(5)), item('b', kb(1))]).map((i) => i.id)).toEqual(['a', 'b']);
    expect(nextBatch([item('big', mb(5)), item('a', kb(1))]).map((i) => i.id)).toEqual(['big']);
    expect(nextBatch([item('a', kb(1), { alone: true }), item('b', kb(1))]).map((i) => i.id)).toEqual(['a']);
    expect(nextBatch([item('done', kb(1), { status: 'done' })])).toEqual([]);
  });

  it('shares the bytes sent among the files in order', () => {
    expect(progressOf([100, 300], 200)).toEqual([1, 1 / 3]);
    expect(progressOf([100, 0, 100], 100)).toEqual([1, 1, 0]);
  });
});
