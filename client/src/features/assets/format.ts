import type { Asset } from '../../api';
import type { IconName } from '../../components/Icon';

const sizeFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** 1,536 bytes is "1.5 KB"; sizes use powers of 1,024, as the server's limits do. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${sizeFormat.format(value)} ${units[unit]}`;
}

export const typeLabels: Record<string, string> = {
  image: 'Image',
  video: 'Video',
  document: 'Document',
  text: 'Text',
};

export function stateLabel(asset: Asset): { label: string; tone: 'neutral' | 'primary' | 'success' | 'danger' } {
  switch (asset.state) {
    case 'ready':
      return { label: 'Ready', tone: 'success' };
    case 'failed':
      return { label: 'Failed', tone: 'danger' };
    case 'processing':
      return { label: 'Processing', tone: 'primary' };
    default:
      return { label: 'Waiting to process', tone: 'neutral' };
  }
}

export function isPdf(asset: Asset): boolean {
  return asset.mediaType === 'application/pdf';
}

/** The icon of each type of file, where it has no thumbnail. */
export const typeIcons: Record<string, IconName> = { image: 'image', video: 'video', document: 'file', text: 'file' };
