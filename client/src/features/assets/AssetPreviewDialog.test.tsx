import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore, type Asset } from '../../api';
import { authResponse, json, problem, renderPage } from '../../test/render';
import { AssetPreviewDialog } from './AssetPreviewDialog';
import { parseTags } from './DetailsForm';

function asset(overrides: Partial<Asset>): Asset {
  return {
    id: 'a1',
    companyId: null,
    name: 'file',
    originalFileName: 'file',
    type: 'document',
    mediaType: 'application/pdf',
    sizeBytes: 2048,
    sha256: 'ab',
    state: 'ready',
    failureReason: null,
    width: null,
    height: null,
    durationSeconds: null,
    chunkCount: 3,
    tags: [],
    url: 'http://localhost/api/v1/files/k?expires=1&sig=s&name=file',
    thumbnailUrl: null,
    previewUrl: null,
    createdAt: '2025-01-01T00:00:00Z',
    processedAt: '2025-01-01T00:00:01Z',
    status: 'current',
    version: 1,
    supersededBy: null,
    archivedAt: null,
    archiveSuggestion: null,
    ...overrides,
  };
}

function serveAsset(current: Asset, onPatch?: (body: unknown) => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const request = input instanceof Request ? input : new Request(input);
      if (request.method === 'PATCH' && onPatch) return onPatch(await request.json());
      return json(current);
    }),
  );
}

describe('AssetPreviewDialog', () => {
  it('offers to open or download a PDF, which the API serves as a download', async () => {
    sessionStore.set(authResponse({ role: 'viewer' }));
    const pdf = asset({ name: 'brand-guide.pdf' });
    serveAsset(pdf);
    renderPage(<AssetPreviewDialog assetId="a1" initial={pdf} onClose={() => {}} />);

    expect(await screen.findByRole('button', { name: 'Open' })).toBeInTheDocument();
    const download = screen.getByRole('link', { name: 'Download' });
    expect(download).toHaveAttribute('href', pdf.url);
    expect(download).toHaveAttribute('download', 'brand-guide.pdf');
    expect(screen.getByText(/3 passages searchable/)).toBeInTheDocument();
    // Viewers read; they do not rename, tag or delete.
    expect(screen.queryByRole('button', { name: 'Delete file' })).not.toBeInTheDocument();
  });

  it('plays a video in the page', async () => {
    sessionStore.set(authResponse());
    const video = asset({ name: 'launch.mp4', type: 'video', mediaType: 'video/mp4', previewUrl: 'http://localhost/p.png' });
    serveAsset(video);
    const { container } = renderPage(<AssetPreviewDialog assetId="a1" initial={video} onClose={() => {}} />);

    await screen.findByText('Ready');
    const player = container.ownerDocument.querySelector('video')!;
    expect(player).toHaveAttribute('src', video.url);
    expect(player).toHaveAttribute('poster', 'http://localhost/p.png');
  });

  it('says why processing failed', async () => {
    sessionStore.set(authResponse());
    const failed = asset({ state: 'failed', failureReason: 'The PDF is encrypted.' });
    serveAsset(failed);
    renderPage(<AssetPreviewDialog assetId="a1" initial={failed} onClose={() => {}} />);

    expect(await screen.findByText('The PDF is encrypted.')).toBeInTheDocument();
  });

  it('renames and retags, with the server’s error on a tag shown on the tags field', async () => {
    sessionStore.set(authResponse());
    const image = asset({ name: 'logo.png', type: 'image', mediaType: 'image/png', previewUrl: 'http://localhost/p.png' });
    const patches: unknown[] = [];
    serveAsset(image, (body) => {
      patches.push(body);
      return problem(400, { errors: { 'tags[1]': ['A tag has at most 40 characters.'] } });
    });
    renderPage(<AssetPreviewDialog assetId="a1" initial={image} onClose={() => {}} />);
    const user = userEvent.setup();

    const tags = await screen.findByRole('textbox', { name: /Tags/ });
    await user.type(tags, 'Logo, print , logo');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(tags).toHaveAttribute('aria-invalid', 'true'));
    expect(tags).toHaveAccessibleDescription('A tag has at most 40 characters.');
    expect(patches).toEqual([{ name: 'logo.png', tags: ['logo', 'print'] }]);
  });

  it('reads tags as the server keeps them', () => {
    expect(parseTags(' Logo, print ,, logo ')).toEqual(['logo', 'print']);
  });
});
