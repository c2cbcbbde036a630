import { z } from "zod";

/**
 * Where documents' ciphertext is kept (docs/storage.md): in the database rows (the default), or in an
 * S3-compatible object store. Read with the rest of the configuration at start.
 */
export type StorageConfig =
  | { kind: "database" }
  | {
      kind: "s3";
      bucket: string;
      region: string;
      /** An S3-compatible service's URL; null: AWS's own endpoint for the region. */
      endpoint: string | null;
      forcePathStyle: boolean;
      /** Null: the AWS SDK's default chain (environment, shared files, instance or task role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
      /** Put before every object key (a folder in the bucket). */
      keyPrefix: string;
    };

const schema = z.object({
  JITSUMEI_DOCUMENT_STORE: z.enum(["database", "s3"], { error: "must be database or s3" }).default("database"),
  JITSUMEI_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3-63 of a-z, 0-9, '.' and '-')")
    .optional(),
  JITSUMEI_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,32}$/, "must be a region name such as ap-northeast-1")
    .optional(),
  JITSUMEI_S3_ENDPOINT: z
    .string()
    .refine((s) => /^https?:\/\//.test(s) && URL.canParse(s), "must be an http:// or https:// URL")
    .optional(),
  JITSUMEI_S3_FORCE_PATH_STYLE: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  JITSUMEI_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  JITSUMEI_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  JITSUMEI_S3_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9!_.*'()/-]{0,200}$/, "must be letters, digits and !_.*'()/- only (200 at most)")
    .optional(),
});

type Problem = { variable: string; reason: string };

const s3Variables = [
  "JITSUMEI_S3_BUCKET",
  "JITSUMEI_S3_REGION",
  "JITSUMEI_S3_ENDPOINT",
  "JITSUMEI_S3_FORCE_PATH_STYLE",
  "JITSUMEI_S3_ACCESS_KEY_ID",
  "JITSUMEI_S3_SECRET_ACCESS_KEY",
  "JITSUMEI_S3_KEY_PREFIX",
] as const;

export function loadStorageConfig(env: Readonly<Record<string, string | undefined>>): {
  config: StorageConfig;
  problems: Problem[];
} {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      config: { kind: "database" },
      problems: parsed.error.issues.map((i) => ({ variable: String(i.path[0]), reason: i.message })),
    };
  }
  const e = parsed.data;
  const problems: Problem[] = [];
  if (e.JITSUMEI_DOCUMENT_STORE === "database") {
    // A half-configured bucket is a mistake to name, not to ignore: documents would stay in the database.
    for (const name of s3Variables) {
      if (e[name] !== undefined)
        problems.push({ variable: name, reason: "is set but JITSUMEI_DOCUMENT_STORE is not s3" });
    }
    return { config: { kind: "database" }, problems };
  }
  for (const name of ["JITSUMEI_S3_BUCKET", "JITSUMEI_S3_REGION"] as const) {
    if (!e[name]) problems.push({ variable: name, reason: "is required with JITSUMEI_DOCUMENT_STORE=s3" });
  }
  if (!e.JITSUMEI_S3_ACCESS_KEY_ID !== !e.JITSUMEI_S3_SECRET_ACCESS_KEY) {
    problems.push({
      variable: e.JITSUMEI_S3_ACCESS_KEY_ID ? "JITSUMEI_S3_SECRET_ACCESS_KEY" : "JITSUMEI_S3_ACCESS_KEY_ID",
      reason:
        "set both JITSUMEI_S3_ACCESS_KEY_ID and JITSUMEI_S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's default credentials)",
    });
  }
  if (problems.length > 0) return { config: { kind: "database" }, problems };
  return {
    problems,
    config: {
      kind: "s3",
      bucket: e.JITSUMEI_S3_BUCKET ?? "",
      region: e.JITSUMEI_S3_REGION ?? "",
      endpoint: e.JITSUMEI_S3_ENDPOINT ?? null,
      // A self-hosted S3-compatible server rarely has a wildcard DNS name per bucket.
      forcePathStyle: (e.JITSUMEI_S3_FORCE_PATH_STYLE ?? (e.JITSUMEI_S3_ENDPOINT ? "true" : "false")) === "true",
      credentials:
        e.JITSUMEI_S3_ACCESS_KEY_ID && e.JITSUMEI_S3_SECRET_ACCESS_KEY
          ? { accessKeyId: e.JITSUMEI_S3_ACCESS_KEY_ID, secretAccessKey: e.JITSUMEI_S3_SECRET_ACCESS_KEY }
          : null,
      keyPrefix: e.JITSUMEI_S3_KEY_PREFIX ?? "documents/",
    },
  };
}
