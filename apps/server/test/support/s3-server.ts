import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";

/**
 * A real S3-compatible server for the tests (s3rver: S3's REST API over HTTP, objects in a folder),
 * on a free port of 127.0.0.1 with one bucket, and a client that looks into the bucket as an
 * operator's tools would. `stop()` and `start()` take it down and up again on the same port and folder
 * (an outage of the store).
 */
export type TestS3 = {
  bucket: string;
  endpoint: string;
  /** The JITSUMEI_* variables that point a server at this bucket. */
  env: Record<string, string>;
  keys(): Promise<string[]>;
  object(key: string): Promise<Buffer>;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

export async function startTestS3(bucket = "jitsumei-documents"): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), "jitsumei-s3-"));
  let port = 0;
  let server: S3rver | null = null;
  const start = async () => {
    server = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
    port = (await server.run()).port;
  };
  await start();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver accepts its own well-known key pair (S3RVER/S3RVER) and checks the signature with it.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  const client = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials });
  return {
    bucket,
    endpoint,
    env: {
      JITSUMEI_DOCUMENT_STORE: "s3",
      JITSUMEI_S3_BUCKET: bucket,
      JITSUMEI_S3_REGION: "us-east-1",
      JITSUMEI_S3_ENDPOINT: endpoint,
      JITSUMEI_S3_ACCESS_KEY_ID: credentials.accessKeyId,
      JITSUMEI_S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listed.Contents ?? []).map((o) => String(o.Key)).sort();
    },
    async object(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await (answer.Body?.transformToByteArray() ?? new Uint8Array()));
    },
    async stop() {
      await server?.close();
      server = null;
    },
    start,
    async close() {
      client.destroy();
      await server?.close();
      server = null;
    },
  };
}
