import sharp from 'sharp';

/** A small JPEG of a flat colour, for camera and pipeline tests. */
export async function solidJpeg(width = 64, height = 48, shade = 128): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: shade, g: shade, b: shade } } }).jpeg().toBuffer();
}

export async function solidPng(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();
}
