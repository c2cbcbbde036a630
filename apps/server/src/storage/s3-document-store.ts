import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { StorageConfig } from "../config/storage-config.ts";
import type { DocumentStore } from "./document-store.ts";

/**
 * The S3 adapter (AWS SDK v3): AWS S3 or any S3-compatible service (JITSUMEI_S3_ENDPOINT with
 * path-style addressing). It stores what it is given, ciphertext: the server seals every document
 * under the application's data key before it leaves the process.
 */
export function s3DocumentStore(config: Extract<StorageConfig, { kind: "s3" }>): DocumentStore & { close(): void } {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's default
    // flexible checksums, and the body is whole in memory (its length is sent).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
  const bucket = config.bucket;
  return {
    async put(key, ciphertext) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: ciphertext,
          ContentLength: ciphertext.length,
          ContentType: "application/octet-stream",
        }),
      );
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!answer.Body) return null;
        return Buffer.from(await answer.Body.transformToByteArray());
      } catch (error) {
        if (error instanceof NoSuchKey || (error instanceof S3ServiceException && error.name === "NoSuchKey")) {
          return null;
        }
        throw error;
      }
    },
    async delete(key) {
      // S3 answers 204 for a key that has no object: a retried delete succeeds.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    close: () => client.destroy(),
  };
}
