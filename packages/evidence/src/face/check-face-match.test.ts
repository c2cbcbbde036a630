import { checkMessages } from "@jitsumei/domain";
import { describe, expect, it } from "vitest";
import type { FaceThresholds } from "./check-face-match.ts";
import { assertFaceThresholds, checkFaceMatch, defaultFaceThresholds, faceCheckCodes } from "./check-face-match.ts";
import type { FaceComparison, FaceImageAnalysis } from "./face-matcher.ts";

const oneFace: Extract<FaceImageAnalysis, { status: "analysed" }> = {
  status: "analysed",
  format: "jpeg",
  width: 640,
  height: 480,
  faceCount: 1,
  primaryFace: { score: 0.98, box: [200, 100, 240, 240] },
};
const noFace: FaceImageAnalysis = { ...oneFace, faceCount: 0, primaryFace: null };

function comparison(overrides: Partial<FaceComparison> = {}): FaceComparison {
  return {
    selfie: oneFace,
    chipFace: { ...oneFace, width: 240, height: 320 },
    similarity: 0.9,
    liveness: 0.9,
    antiSpoof: 0.9,
    model: { library: "test", tfjs: "test", backend: "test", models: [], similarity: "test" },
    timings: { selfie: 1, chipFace: 1, total: 2 },
    ...overrides,
  };
}

const statusOf = (c: FaceComparison, code: string, thresholds?: FaceThresholds) =>
  checkFaceMatch(c, thresholds).find((r) => r.code === code)?.status;

describe("checkFaceMatch", () => {
  it("passes every check for one live face in each image that match", () => {
    expect(checkFaceMatch(comparison())).toEqual([
      { code: "face.selfie_readable", status: "pass" },
      { code: "face.detected_in_selfie", status: "pass" },
      { code: "face.single_face", status: "pass", params: { faces: 1 } },
      { code: "face.live", status: "pass" },
      { code: "face.chip_photo_readable", status: "pass" },
      { code: "face.detected_in_chip_photo", status: "pass" },
      { code: "face.matches_chip_photo", status: "pass" },
    ]);
  });

  it("grades similarity: pass from `match`, review from `reject`, fail below", () => {
    const t = { ...defaultFaceThresholds, match: 0.75, reject: 0.5 };
    expect(statusOf(comparison({ similarity: 1 }), "face.matches_chip_photo", t)).toBe("pass");
    expect(statusOf(comparison({ similarity: 0.75 }), "face.matches_chip_photo", t)).toBe("pass");
    expect(statusOf(comparison({ similarity: 0.749 }), "face.matches_chip_photo", t)).toBe("review");
    expect(statusOf(comparison({ similarity: 0.5 }), "face.matches_chip_photo", t)).toBe("review");
    expect(statusOf(comparison({ similarity: 0.499 }), "face.matches_chip_photo", t)).toBe("fail");
    expect(statusOf(comparison({ similarity: 0 }), "face.matches_chip_photo", t)).toBe("fail");
  });

  it("has no review band when reject equals match", () => {
    const t = { ...defaultFaceThresholds, match: 0.6, reject: 0.6 };
    expect(statusOf(comparison({ similarity: 0.6 }), "face.matches_chip_photo", t)).toBe("pass");
    expect(statusOf(comparison({ similarity: 0.599 }), "face.matches_chip_photo", t)).toBe("fail");
  });

  it("fails a selfie without a face and leaves out what depends on it", () => {
    const results = checkFaceMatch(comparison({ selfie: noFace, similarity: null, liveness: null, antiSpoof: null }));
    expect(results).toContainEqual({ code: "face.detected_in_selfie", status: "fail" });
    expect(results.map((r) => r.code)).not.toContain("face.single_face");
    expect(results.map((r) => r.code)).not.toContain("face.live");
    expect(results.map((r) => r.code)).not.toContain("face.matches_chip_photo");
    expect(results).toContainEqual({ code: "face.detected_in_chip_photo", status: "pass" });
  });

  it("sends a chip image without a face to review (the applicant cannot fix it)", () => {
    const results = checkFaceMatch(comparison({ chipFace: noFace, similarity: null }));
    expect(results).toContainEqual({ code: "face.detected_in_chip_photo", status: "review" });
    expect(results.map((r) => r.code)).not.toContain("face.matches_chip_photo");
  });

  it("reviews a selfie with several faces, naming how many", () => {
    const results = checkFaceMatch(comparison({ selfie: { ...oneFace, faceCount: 3 } }));
    expect(results).toContainEqual({ code: "face.single_face", status: "review", params: { faces: 3 } });
  });

  it("reviews liveness or anti-spoofing below their minimum, and a missing score", () => {
    const t = defaultFaceThresholds;
    expect(statusOf(comparison({ liveness: t.liveness }), "face.live")).toBe("pass");
    expect(statusOf(comparison({ liveness: t.liveness - 0.01 }), "face.live")).toBe("review");
    expect(statusOf(comparison({ antiSpoof: t.antiSpoof - 0.01 }), "face.live")).toBe("review");
    expect(statusOf(comparison({ liveness: null }), "face.live")).toBe("review");
    expect(statusOf(comparison({ antiSpoof: null }), "face.live")).toBe("review");
  });

  it("fails an unreadable selfie and checks nothing else of it", () => {
    const results = checkFaceMatch(
      comparison({ selfie: { status: "unreadable", format: "jpeg" }, similarity: null, liveness: null }),
    );
    expect(results[0]).toEqual({ code: "face.selfie_readable", status: "fail", params: { format: "jpeg" } });
    expect(results.map((r) => r.code)).toEqual([
      "face.selfie_readable",
      "face.chip_photo_readable",
      "face.detected_in_chip_photo",
    ]);
  });

  it("sends a JPEG 2000 chip image to review under its own code", () => {
    const results = checkFaceMatch(
      comparison({ chipFace: { status: "unsupported_format", format: "jpeg2000" }, similarity: null }),
    );
    expect(results).toContainEqual({
      code: "face.chip_photo_readable",
      status: "review",
      params: { format: "jpeg2000" },
    });
    expect(results.map((r) => r.code)).not.toContain("face.detected_in_chip_photo");
    expect(results.map((r) => r.code)).not.toContain("face.matches_chip_photo");
  });

  it("reviews two found faces that yielded no similarity rather than dropping the check", () => {
    expect(statusOf(comparison({ similarity: null }), "face.matches_chip_photo")).toBe("review");
  });

  it("refuses thresholds outside 0..1 or with reject above match", () => {
    expect(() => assertFaceThresholds(defaultFaceThresholds)).not.toThrow();
    expect(() => checkFaceMatch(comparison(), { ...defaultFaceThresholds, reject: 0.8, match: 0.7 })).toThrow(
      RangeError,
    );
    expect(() => checkFaceMatch(comparison(), { ...defaultFaceThresholds, liveness: 1.5 })).toThrow(/liveness/);
    expect(() => checkFaceMatch(comparison(), { ...defaultFaceThresholds, match: Number.NaN })).toThrow(RangeError);
  });

  it("produces only listed codes, each with a message for its status in the catalogue", () => {
    const analyses: FaceImageAnalysis[] = [
      oneFace,
      noFace,
      { ...oneFace, faceCount: 2 },
      { status: "unreadable", format: "unknown" },
      { status: "unsupported_format", format: "jpeg2000" },
    ];
    const seen = new Set<string>();
    for (const selfie of analyses) {
      for (const chipFace of analyses) {
        for (const similarity of [null, 0.1, 0.6, 0.9]) {
          for (const liveness of [null, 0.1, 0.9]) {
            for (const result of checkFaceMatch(comparison({ selfie, chipFace, similarity, liveness }))) {
              expect(faceCheckCodes).toContain(result.code);
              expect(checkMessages[result.code]?.[result.status], `${result.code} ${result.status}`).toBeDefined();
              seen.add(`${result.code} ${result.status}`);
            }
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([
      "face.chip_photo_readable pass",
      "face.chip_photo_readable review",
      "face.detected_in_chip_photo pass",
      "face.detected_in_chip_photo review",
      "face.detected_in_selfie fail",
      "face.detected_in_selfie pass",
      "face.live pass",
      "face.live review",
      "face.matches_chip_photo fail",
      "face.matches_chip_photo pass",
      "face.matches_chip_photo review",
      "face.selfie_readable fail",
      "face.selfie_readable pass",
      "face.single_face pass",
      "face.single_face review",
    ]);
  });
});
