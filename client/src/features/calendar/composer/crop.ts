import type { Platform } from '../limits';

/** The shape each network shows an image in its feed without cutting it: what "Crop for …" produces. */
export const feedShapes: Record<Platform, { ratio: number; label: string }> = {
  linkedIn: { ratio: 1.91, label: '1.91:1' },
  facebook: { ratio: 1.91, label: '1.91:1' },
  x: { ratio: 16 / 9, label: '16:9' },
  instagram: { ratio: 4 / 5, label: '4:5' },
  googleBusiness: { ratio: 4 / 3, label: '4:3' },
  bluesky: { ratio: 16 / 9, label: '16:9' },
  threads: { ratio: 4 / 5, label: '4:5' },
  pinterest: { ratio: 2 / 3, label: '2:3' },
  youTube: { ratio: 16 / 9, label: '16:9' },
  tikTok: { ratio: 9 / 16, label: '9:16' },
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest centred rectangle of `ratio` (width / height) inside a `width` x `height` image, in whole pixels. */
export function centredCrop(width: number, height: number, ratio: number): Rect {
  if (width / height > ratio) {
    const cropWidth = Math.max(1, Math.round(height * ratio));
    return { x: Math.floor((width - cropWidth) / 2), y: 0, width: cropWidth, height };
  }
  const cropHeight = Math.max(1, Math.round(width / ratio));
  return { x: 0, y: Math.floor((height - cropHeight) / 2), width, height: cropHeight };
}

/** Whether an image of this size already has the shape (within 1 %): no crop needed. */
export function hasShape(width: number, height: number, ratio: number): boolean {
  return Math.abs(width / height - ratio) / ratio < 0.01;
}

/** The longest side of a cropped image: the networks scale anything larger down. */
const maxSide = 2400;

/**
 * Crops the image at `url` to `ratio` in the browser (a canvas) and returns it as a new file to upload, named after
 * the original and the network; the original stays as it was.
 */
export async function cropImage(url: string, ratio: number, name: string): Promise<File> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  await image.decode();
  const rect = centredCrop(image.naturalWidth, image.naturalHeight, ratio);
  const scale = Math.min(1, maxSide / Math.max(rect.width, rect.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(rect.width * scale);
  canvas.height = Math.round(rect.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot crop images.');
  context.drawImage(image, rect.x, rect.y, rect.width, rect.height, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new Error('This browser cannot crop images.');
  return new File([blob], `${name}.jpg`, { type: 'image/jpeg' });
}
