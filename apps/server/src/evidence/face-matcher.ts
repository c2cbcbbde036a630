import { createHumanFaceMatcher, type FaceComparison, type FaceMatcher } from "@jitsumei/evidence";

/**
 * The server's face matcher: the models load on the first comparison (about half a second), not at
 * start-up, so a server that never sees a selfie never pays for them. One per process.
 */
export function lazyFaceMatcher(create: () => Promise<FaceMatcher> = () => createHumanFaceMatcher()): FaceMatcher {
  let matcher: Promise<FaceMatcher> | null = null;
  return {
    compare(selfie: Uint8Array, chipFace: Uint8Array): Promise<FaceComparison> {
      matcher ??= create().catch((error) => {
        matcher = null; // let the next comparison try again
        throw error;
      });
      return matcher.then((m) => m.compare(selfie, chipFace));
    },
  };
}
