export type { AcceptedImageFormat } from "./detect-image-type.ts";
export { heicDecodingAvailable } from "./detect-image-type.ts";
export type { ImageCheckCode } from "./image-check-codes.ts";
export { imageCheckStatuses } from "./image-check-codes.ts";
export type { ImageLimits } from "./image-limits.ts";
export { defaultImageLimits, resolveImageLimits } from "./image-limits.ts";
export type { ImageInspection, ImageMeasures, InspectedImage, RefusedImage } from "./inspect-image.ts";
export { inspectImage } from "./inspect-image.ts";
