/** Interleaved 8-bit pixels, as sharp's `raw()` gives them (1–4 channels; a 4th channel is ignored). */
export type RawPixels = { data: Uint8Array; width: number; height: number; channels: number };

/** What the analysis copy of an image measures. */
export type PixelMeasures = {
  /** Variance of the 4-neighbour Laplacian of luma: higher is sharper (a flat image gives 0). */
  sharpness: number;
  /** Share (0–1) of pixels with every colour channel ≥ glareLevel: blown-out white, typically glare. */
  glareShare: number;
  /** Mean luma, 0 (black) to 255 (white). */
  brightness: number;
};

/** A pixel this close to pure white on every channel has lost its detail (sensor or flash saturation). */
export const glareLevel = 250;

/**
 * Measures sharpness, glare and brightness in one pass over the pixels.
 *
 * Sharpness is the variance of the Laplacian (kernel 0 1 0 / 1 −4 1 / 0 1 0) of Rec. 601 luma, in
 * floating point. We compute it here rather than with sharp's `stats().sharpness`, which convolves in
 * 8-bit and clips the negative half of the Laplacian (scale 9): on a card pattern it moved only from
 * 0.37 to 0.20 between Gaussian blurs of sigma 3 and 6, against 16 to 3 here, so it leaves no room for a
 * threshold. The measure depends on scale, so the caller measures a copy normalised to a fixed size.
 */
export function measurePixels(pixels: RawPixels): PixelMeasures {
  const { data, width, height, channels } = pixels;
  const count = width * height;
  if (count === 0 || channels < 1 || data.length < count * channels)
    return { sharpness: 0, glareShare: 0, brightness: 0 };
  const colour = channels >= 3;
  const luma = new Float64Array(count);
  let lumaSum = 0;
  let glare = 0;
  for (let i = 0, o = 0; i < count; i++, o += channels) {
    const r = data[o] ?? 0;
    const g = colour ? (data[o + 1] ?? 0) : r;
    const b = colour ? (data[o + 2] ?? 0) : r;
    const y = 0.299 * r + 0.587 * g + 0.114 * b;
    luma[i] = y;
    lumaSum += y;
    if (r >= glareLevel && g >= glareLevel && b >= glareLevel) glare++;
  }
  return { sharpness: laplacianVariance(luma, width, height), glareShare: glare / count, brightness: lumaSum / count };
}

function laplacianVariance(luma: Float64Array, width: number, height: number): number {
  if (width < 3 || height < 3) return 0;
  let sum = 0;
  let sumOfSquares = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1, i = y * width + 1; x < width - 1; x++, i++) {
      const l =
        (luma[i - 1] ?? 0) + (luma[i + 1] ?? 0) + (luma[i - width] ?? 0) + (luma[i + width] ?? 0) - 4 * (luma[i] ?? 0);
      sum += l;
      sumOfSquares += l * l;
    }
  }
  const n = (width - 2) * (height - 2);
  const mean = sum / n;
  return Math.max(0, sumOfSquares / n - mean * mean);
}
