import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

const s3 = { JITSUMEI_DOCUMENT_STORE: "s3", JITSUMEI_S3_BUCKET: "jitsumei-docs", JITSUMEI_S3_REGION: "ap-northeast-1" };

describe("the document store's configuration", () => {
  it("keeps documents in the database unless told otherwise", () => {
    expect(loadConfig({}).storage).toEqual({ kind: "database" });
    expect(loadConfig({ JITSUMEI_DOCUMENT_STORE: "database" }).storage).toEqual({ kind: "database" });
  });

  it("reads an S3 bucket: AWS's endpoint and default credentials, or a compatible server path-style", () => {
    expect(loadConfig(s3).storage).toEqual({
      kind: "s3",
      bucket: "jitsumei-docs",
      region: "ap-northeast-1",
      endpoint: null,
      forcePathStyle: false,
      credentials: null,
      keyPrefix: "documents/",
    });
    expect(
      loadConfig({
        ...s3,
        JITSUMEI_S3_ENDPOINT: "http://127.0.0.1:9000",
        JITSUMEI_S3_ACCESS_KEY_ID: "id",
        JITSUMEI_S3_SECRET_ACCESS_KEY: "secret",
        JITSUMEI_S3_KEY_PREFIX: "tokyo/docs/",
      }).storage,
    ).toEqual({
      kind: "s3",
      bucket: "jitsumei-docs",
      region: "ap-northeast-1",
      endpoint: "http://127.0.0.1:9000",
      forcePathStyle: true,
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
      keyPrefix: "tokyo/docs/",
    });
    expect(
      loadConfig({ ...s3, JITSUMEI_S3_ENDPOINT: "https://s3.example", JITSUMEI_S3_FORCE_PATH_STYLE: "false" }).storage,
    ).toMatchObject({ forcePathStyle: false });
  });

  it("names each missing or bad variable", () => {
    expect(problemsOf({ JITSUMEI_DOCUMENT_STORE: "s3" })).toEqual([
      { variable: "JITSUMEI_S3_BUCKET", reason: "is required with JITSUMEI_DOCUMENT_STORE=s3" },
      { variable: "JITSUMEI_S3_REGION", reason: "is required with JITSUMEI_DOCUMENT_STORE=s3" },
    ]);
    expect(problemsOf({ JITSUMEI_DOCUMENT_STORE: "minio" })).toEqual([
      { variable: "JITSUMEI_DOCUMENT_STORE", reason: "must be database or s3" },
    ]);
    expect(problemsOf({ ...s3, JITSUMEI_S3_BUCKET: "Bad_Bucket" }).map((p) => p.variable)).toEqual([
      "JITSUMEI_S3_BUCKET",
    ]);
    expect(problemsOf({ ...s3, JITSUMEI_S3_ENDPOINT: "s3.example" })).toEqual([
      { variable: "JITSUMEI_S3_ENDPOINT", reason: "must be an http:// or https:// URL" },
    ]);
    expect(problemsOf({ ...s3, JITSUMEI_S3_FORCE_PATH_STYLE: "yes" })).toEqual([
      { variable: "JITSUMEI_S3_FORCE_PATH_STYLE", reason: "must be true or false" },
    ]);
    expect(problemsOf({ ...s3, JITSUMEI_S3_ACCESS_KEY_ID: "id" })).toEqual([
      {
        variable: "JITSUMEI_S3_SECRET_ACCESS_KEY",
        reason:
          "set both JITSUMEI_S3_ACCESS_KEY_ID and JITSUMEI_S3_SECRET_ACCESS_KEY, or neither (the AWS SDK's default credentials)",
      },
    ]);
    // A bucket named while the store is the database is a mistake, not something to ignore.
    expect(problemsOf({ JITSUMEI_S3_BUCKET: "jitsumei-docs" })).toEqual([
      { variable: "JITSUMEI_S3_BUCKET", reason: "is set but JITSUMEI_DOCUMENT_STORE is not s3" },
    ]);
  });
});
