/**
 * The limits and thresholds of image hygiene. Defaults suit a photo of an identity document taken with a
 * phone; a caller (e.g. for selfies) may override any of them. Validate an override once, at boot, with
 * `resolveImageLimits` (an invalid limit is a configuration error and throws; input bytes never do).
 */
export type ImageLimits = {
  /** Largest upload accepted, in bytes. Checked before anything is parsed. */
  maxBytes: number;
  /**
   * Most pixels (width × height, as the file declares them) sharp may decode. Passed to sharp's
   * `limitInputPixels`, which refuses from the header alone, so a decompression bomb never gets its
   * pixels allocated. 40 MP covers every common phone camera mode except the 50–200 MP "high resolution"
   * modes, whose photos we ask the applicant to take again at the standard setting.
   */
  maxPixels: number;
  /** Shortest side, in pixels, a document photo needs for its small print to stay readable. */
  minShortSide: number;
  /**
   * Below this sharpness (variance of the Laplacian on the analysis copy, see measure-pixels.ts) a person
   * should look at the photo. Calibrated in measure-pixels.test.ts and inspect-image.test.ts.
   */
  minSharpness: number;
  /** Above this share (0–1) of glare pixels (all channels ≥ glareLevel) a person should look at the photo. */
  maxGlareShare: number;
};

export const defaultImageLimits: Readonly<ImageLimits> = Object.freeze({
  maxBytes: 15 * 1024 * 1024,
  maxPixels: 40_000_000,
  minShortSide: 600,
  minSharpness: 100,
  maxGlareShare: 0.02,
});

/** Merges `options` over the defaults (an `undefined` value keeps the default) and validates the result. */
export function resolveImageLimits(options: Partial<ImageLimits> = {}): ImageLimits {
  const limits: ImageLimits = {
    maxBytes: options.maxBytes ?? defaultImageLimits.maxBytes,
    maxPixels: options.maxPixels ?? defaultImageLimits.maxPixels,
    minShortSide: options.minShortSide ?? defaultImageLimits.minShortSide,
    minSharpness: options.minSharpness ?? defaultImageLimits.minSharpness,
    maxGlareShare: options.maxGlareShare ?? defaultImageLimits.maxGlareShare,
  };
  // maxPixels must be ≥ 1: sharp reads a limitInputPixels of 0 as "no limit at all".
  requireInteger("maxBytes", limits.maxBytes, 1);
  requireInteger("maxPixels", limits.maxPixels, 1);
  requireInteger("minShortSide", limits.minShortSide, 1);
  if (!(Number.isFinite(limits.minSharpness) && limits.minSharpness >= 0))
    throw new RangeError(`image limit minSharpness must be a finite number ≥ 0, got ${limits.minSharpness}`);
  if (!(limits.maxGlareShare >= 0 && limits.maxGlareShare <= 1))
    throw new RangeError(`image limit maxGlareShare must be between 0 and 1, got ${limits.maxGlareShare}`);
  return limits;
}

function requireInteger(name: keyof ImageLimits, value: number, min: number): void {
  if (!(Number.isSafeInteger(value) && value >= min))
    throw new RangeError(`image limit ${name} must be an integer ≥ ${min}, got ${value}`);
}
