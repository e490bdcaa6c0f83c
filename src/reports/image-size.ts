/**
 * Pixel size (and density, when the file states one) of a PNG or JPEG, read from its header, so
 * both renderers can scale a picture without decoding it. Uploads are checked with the same
 * reader, so a picture that reached a document is one the renderers can place.
 */
import type { ReportImage } from './model.js';

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

export class ImageFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageFormatError';
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(data: Uint8Array): ImageSize {
  const sig = PNG_SIGNATURE.every((byte, i) => data[i] === byte);
  // The first chunk is IHDR: length (4), type (4), width (4), height (4), big-endian.
  const ihdr = data[12] === 0x49 && data[13] === 0x48 && data[14] === 0x44 && data[15] === 0x52;
  if (!sig || !ihdr || data.length < 24) throw new ImageFormatError('not a PNG file');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers carry the size: C0–CF except C4 (DHT), C8 (JPG) and CC (DAC). */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(data: Uint8Array): ImageSize {
  if (data[0] !== 0xff || data[1] !== 0xd8) throw new ImageFormatError('not a JPEG file');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 2;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff) throw new ImageFormatError('JPEG: broken segment structure');
    const marker = data[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(at + 2);
    if (isStartOfFrame(marker)) {
      if (at + 9 > data.length) break;
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) break; // end of image / start of scan before a frame
    at += 2 + length;
  }
  throw new ImageFormatError('JPEG: no frame header');
}

/** The picture's size in pixels; throws {@link ImageFormatError} when the bytes are not its type. */
export function imageSize(image: Pick<ReportImage, 'data' | 'mediaType'>): ImageSize {
  const size = image.mediaType === 'image/png' ? pngSize(image.data) : jpegSize(image.data);
  if (size.width <= 0 || size.height <= 0) {
    throw new ImageFormatError(`${image.mediaType}: empty picture (${size.width}×${size.height})`);
  }
  return size;
}

/**
 * The box a picture of `size` takes when scaled down (never up) to fit `maxWidth` × `maxHeight`,
 * keeping its proportions.
 */
export function fitWithin(size: ImageSize, maxWidth: number, maxHeight: number): ImageSize {
  const factor = Math.min(1, maxWidth / size.width, maxHeight / size.height);
  return { width: size.width * factor, height: size.height * factor };
}
