import { createHash } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { imageCheckStatuses } from "./image-check-codes.ts";
import type { ImageInspection } from "./inspect-image.ts";
import { inspectImage } from "./inspect-image.ts";
import { card } from "./test-images.ts";

/** What every answer must look like, whatever the bytes. */
function expectWellFormed(result: ImageInspection) {
  expect(result.checks.length).toBeGreaterThan(0);
  for (const check of result.checks) {
    const statuses: readonly string[] = imageCheckStatuses[check.code as keyof typeof imageCheckStatuses] ?? [];
    expect(statuses, check.code).toContain(check.status);
    // The safety net in inspectImage must never be what answers: every failure has its own mapping.
    expect(check.params?.stage, check.code).not.toBe("unexpected");
  }
  const failures = result.checks.filter((c) => c.status === "fail");
  if (result.ok) {
    expect(failures).toEqual([]);
    expect(result.output.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(result.output.sha256).toBe(createHash("sha256").update(result.output.bytes).digest("hex"));
  } else {
    expect(failures).toHaveLength(1);
    expect(result.checks.at(-1)?.status).toBe("fail");
  }
}

const magic = {
  jpeg: [0xff, 0xd8, 0xff, 0xe0],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  webp: [0x52, 0x49, 0x46, 0x46, 0x00, 0x10, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50],
  gif: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d],
};

/** Random bytes, some behind a real magic number so that they reach the decoders. */
const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }),
  fc
    .tuple(fc.constantFrom(...Object.values(magic)), fc.uint8Array({ maxLength: 4096 }))
    .map(([head, tail]) => Uint8Array.from([...head, ...tail])),
);

/** Where a mutation applies: anywhere in the file, or within the headers at its start. */
type Position = { fraction: number } | { offset: number };

type Mutation =
  | { kind: "flip"; at: Position; value: number }
  | { kind: "truncate"; at: Position }
  | { kind: "insert"; at: Position; bytes: Uint8Array }
  | { kind: "delete"; at: Position; length: number }
  | { kind: "duplicate"; at: Position; length: number };

// Integers, not fc.double, whose draws crowd at 0 and 1.
const position: fc.Arbitrary<Position> = fc.oneof(
  fc.integer({ min: 0, max: 999_999 }).map((n) => ({ fraction: n / 1_000_000 })),
  fc.integer({ min: 0, max: 400 }).map((offset) => ({ offset })),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: position, value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: position,
    bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: position, length: fc.integer({ min: 1, max: 256 }) }),
);

function mutate(bytes: Buffer, mutations: readonly Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.min(out.length, "offset" in m.at ? m.at.offset : Math.floor(m.at.fraction * out.length));
    if (m.kind === "flip") out[at] = m.value;
    else if (m.kind === "truncate") out = out.subarray(0, at);
    else if (m.kind === "insert") out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    else if (m.kind === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
    else out = Buffer.concat([out.subarray(0, at + m.length), out.subarray(at)]);
  }
  return out;
}

describe("inspectImage on hostile input", () => {
  let valid: Record<"jpeg" | "png" | "webp", Buffer>;
  beforeAll(async () => {
    // Just above the minimum size, so that mutations reach the full decode rather than stop at the
    // resolution check; small, so that 300 runs stay quick.
    const base = card(640, 608);
    valid = {
      jpeg: await base.clone().jpeg({ quality: 80 }).toBuffer(),
      png: await base.clone().png().toBuffer(),
      webp: await base.clone().webp({ quality: 80 }).toBuffer(),
    };
    for (const bytes of Object.values(valid)) expect((await inspectImage(bytes)).ok).toBe(true);
  });

  it("answers random bytes with a result, never an exception", async () => {
    await fc.assert(
      fc.asyncProperty(randomBytes, async (bytes) => {
        expectWellFormed(await inspectImage(bytes));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("answers random mutations of valid images with a result, never an exception", async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("jpeg", "jpeg", "png", "webp"),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        async (format, mutations) => {
          const result = await inspectImage(mutate(valid[format as keyof typeof valid], mutations));
          expectWellFormed(result);
          const last = result.checks.at(-1);
          const outcome = result.ok ? "accepted" : `${last?.code} ${last?.params?.stage ?? ""}`.trim();
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        },
      ),
      { numRuns: 300 },
    );
    console.info(`Outcomes of 300 mutated images: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // The mutations must reach the decoder, or this property proves little.
    expect(outcomes.get("accepted") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("image.decodable pixels") ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
