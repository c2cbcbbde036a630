import type { CheckStatus } from "@jitsumei/domain";

/**
 * The stable codes of the image hygiene checks, with every status each can produce and the params it
 * carries. Params hold sizes, formats and measures only, never anything read from the picture's content
 * or metadata. Messages live in packages/domain/src/i18n/messages/image-messages.ts.
 */
export const imageCheckStatuses = {
  /** pass | fail; params `megabytes`, `maxMegabytes` (MiB, one decimal). */
  "image.size_within_limit": ["pass", "fail"],
  /** pass with `format`; fail with `detected`: a MIME type, `unknown` or `empty`. Decided by magic bytes. */
  "image.type_accepted": ["pass", "fail"],
  /** fail only, with `detected`: a HEIC/HEIF file while the installed libvips has no HEVC decoder. */
  "image.heic_supported": ["fail"],
  /** pass | fail; params `maxMegapixels`, and `megapixels` when the header could be read. */
  "image.pixels_within_limit": ["pass", "fail"],
  /** pass | fail; params `width`, `height` (upright), `minShortSide`. */
  "image.resolution_sufficient": ["pass", "fail"],
  /**
   * pass | fail; fail with `stage`: `header` (unreadable header, or sharp chose another decoder than the
   * magic bytes named), `pixels` (truncated or corrupt data), or `unexpected` (the safety net in
   * inspectImage: an error nothing else mapped; the tests assert it never appears).
   */
  "image.decodable": ["pass", "fail"],
  /** pass | review; params `sharpness`, `minSharpness`. A person can still judge a soft photo. */
  "image.sharp_enough": ["pass", "review"],
  /** pass | review; params `glarePercent`, `maxGlarePercent`. */
  "image.no_glare": ["pass", "review"],
} as const satisfies Record<string, readonly CheckStatus[]>;

export type ImageCheckCode = keyof typeof imageCheckStatuses;
