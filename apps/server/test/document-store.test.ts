import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findApplicationById } from "../src/applications/application-row.ts";
import { cipherFor } from "../src/applications/load-application-data.ts";
import { loadStorageConfig } from "../src/config/storage-config.ts";
import { shredApplicationIn } from "../src/records/retention.ts";
import { deleteQueuedObjects } from "../src/storage/delete-queued-objects.ts";
import { objectDocuments } from "../src/storage/document-store.ts";
import { s3DocumentStore } from "../src/storage/s3-document-store.ts";
import { consentToCredit, particularsOf, somebody, td3, throwawayEmail } from "./support/journey.ts";
import { signWithMyNumberCard } from "./support/jpki.ts";
import { startTestS3, type TestS3 } from "./support/s3-server.ts";
import { type StaffClient, signInAs } from "./support/staff.ts";
import { startTestServer, type TestServer } from "./support/test-server.ts";

/**
 * Documents in an S3-compatible object store (docs/storage.md), against a real S3 server (s3rver)
 * started here: the contract journey's evidence and PDFs round-trip through the bucket as ciphertext
 * under opaque keys, shredding deletes the objects and leaves any copy unreadable, and a delete the
 * store refuses stays queued until it succeeds.
 */

let s3: TestS3;
let server: TestServer;
let reviewer: StaffClient;
const address = { postalCode: "100-0001", prefecture: "東京都", city: "千代田区", line1: "千代田1-1-1" };

beforeAll(async () => {
  s3 = await startTestS3();
  server = await startTestServer(s3.env);
  reviewer = await signInAs(server, "reviewer");
});
afterAll(async () => {
  await server?.close();
  await s3?.close();
});

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** contract.test.ts's flow: MRZ and a My Number card's JPKI signature, submitted, approved, offered. */
async function approvedPostpaid() {
  const person = { ...somebody(), family: "NGUYEN", given: "THI LAN" };
  const created = await server.api("POST", "/v1/applications", {
    body: {
      planId: "postpaid-voice",
      language: "en",
      formFactor: "physical",
      contact: { email: throwawayEmail("lan") },
    },
  });
  const reference = String(created.body.reference);
  const token = String(created.body.accessToken);
  await server.api("PUT", `/v1/applications/${reference}/applicant`, {
    token,
    body: particularsOf(person, { address, name: { family: "Nguyen", given: "Thi Lan", kanji: undefined } }),
  });
  const mrz = td3(person);
  const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "mrz", lines: mrz },
  });
  expect(added.status).toBe(201);
  await signWithMyNumberCard(server, reference, token, person, address);
  await consentToCredit(server, reference, token);
  const submitted = await server.api("POST", `/v1/applications/${reference}/submit`, { token });
  expect(submitted.body.state).toBe("in_review");
  await reviewer.api("POST", `/v1/staff/applications/${reference}/claim`);
  const approved = await reviewer.api("POST", `/v1/staff/applications/${reference}/events`, {
    body: { type: "approve" },
  });
  expect(approved.body.state).toBe("contract_pending");
  const row = await server.services.db.query<{ id: string }>("SELECT id FROM applications WHERE reference = $1", [
    reference,
  ]);
  return { reference, token, id: String(row.rows[0]?.id), mrz };
}

async function download(path: string, token: string) {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
}

async function signContract(reference: string, token: string) {
  const contract = await server.api("GET", `/v1/applications/${reference}/contract`, { token });
  const docs = contract.body.documents as { kind: string; sha256: string; url: string }[];
  for (const doc of docs) {
    const file = await download(doc.url, token);
    expect(file.status).toBe(200);
    expect(sha256(file.body)).toBe(doc.sha256);
  }
  const signed = await server.api("POST", `/v1/applications/${reference}/contract/signature`, {
    token,
    body: { accept: true, documents: { importantMatters: docs[0]?.sha256, contract: docs[1]?.sha256 } },
  });
  expect(signed.status).toBe(200);
  return signed.body.signedContract as { url: string; sha256: string };
}

/** Every object the application's rows refer to, and whether any row keeps its bytes inline. */
async function refsOf(applicationId: string) {
  const { rows } = await server.services.db.query<{ ref: string | null; inline: boolean }>(
    `SELECT content_ref AS ref, content_enc IS NOT NULL AS inline FROM evidence WHERE application_id = $1
     UNION ALL
     SELECT content_ref, content_enc IS NOT NULL FROM contract_documents WHERE application_id = $1`,
    [applicationId],
  );
  return rows;
}

async function queued(): Promise<{ ref: string; attempts: number; last_error: string | null }[]> {
  const { rows } = await server.services.db.query<{ ref: string; attempts: number; last_error: string | null }>(
    "SELECT ref, attempts, last_error FROM document_deletions ORDER BY ref",
  );
  return rows;
}

async function shred(applicationId: string) {
  await server.services.db.transaction((tx) => shredApplicationIn(tx, applicationId, server.services.clock()));
}

describe("the S3 adapter", () => {
  it("puts, gets and deletes an object; a missing key reads as null and deletes without error", async () => {
    const config = loadStorageConfig(s3.env).config;
    if (config.kind !== "s3") throw new Error("the test bucket's variables did not configure S3");
    const store = s3DocumentStore(config);
    try {
      const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
      await store.put("adapter-test/one", bytes);
      expect(await store.get("adapter-test/one")).toEqual(bytes);
      expect(await s3.object("adapter-test/one")).toEqual(bytes);
      await store.delete("adapter-test/one");
      expect(await store.get("adapter-test/one")).toBeNull();
      await expect(store.delete("adapter-test/one")).resolves.toBeUndefined();
      expect(await s3.keys()).not.toContain("adapter-test/one");
      // A row from before the object store (its ciphertext inline) is still read from the row.
      const documents = objectDocuments(store);
      expect(await documents.read({ content_enc: bytes, content_ref: null })).toEqual(bytes);
    } finally {
      store.close();
    }
  });
});

describe("a journey with the documents in S3", () => {
  it("keeps evidence and contract PDFs in the bucket as ciphertext under opaque keys, and signs the contract", async () => {
    const { reference, token, id, mrz } = await approvedPostpaid();
    const signed = await signContract(reference, token);
    const sealed = await download(signed.url, token);
    expect(sealed.status).toBe(200);
    expect(sha256(sealed.body)).toBe(signed.sha256);
    expect(sealed.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const refs = await refsOf(id);
    // MRZ and JPKI evidence, the explanation, the contract and the sealed contract.
    expect(refs.length).toBeGreaterThanOrEqual(5);
    expect(refs.every((r) => !r.inline && r.ref !== null)).toBe(true);
    const keys = await s3.keys();
    for (const r of refs) {
      // The key is the prefix and a random UUID: nothing of the person, the application or the kind.
      expect(r.ref).toMatch(/^documents\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(keys).toContain(r.ref);
      const object = await s3.object(String(r.ref));
      for (const plain of ["NGUYEN", "Nguyen", mrz[0] ?? "", reference, "%PDF", "JVBER" /* %PDF in base64 */]) {
        expect(object.includes(Buffer.from(plain, "latin1"))).toBe(false);
      }
    }
    expect(await queued()).toEqual([]);
  });

  it("deletes the objects when the application is shredded, and a copy kept elsewhere stays unreadable", async () => {
    const { reference, token, id } = await approvedPostpaid();
    const contract = await server.api("GET", `/v1/applications/${reference}/contract`, { token });
    const pdfUrl = String((contract.body.documents as { url: string }[])[0]?.url);
    const refs = (await refsOf(id)).map((r) => String(r.ref));
    const copy = await s3.object(refs[0] as string); // as a bucket's backup or replica would keep it

    await shred(id);
    expect((await queued()).map((q) => q.ref).sort()).toEqual([...refs].sort());
    expect(await deleteQueuedObjects(server.services)).toEqual({ deleted: refs.length, failed: 0 });
    expect(await queued()).toEqual([]);
    const keys = await s3.keys();
    for (const ref of refs) expect(keys).not.toContain(ref);

    // The application's data key is gone: nothing can open the copy, and the PDF is no longer served.
    const purged = await findApplicationById(server.services.db, id);
    if (!purged) throw new Error("the shredded application's row is gone");
    await expect(cipherFor(server.services.keys, purged)).rejects.toThrow();
    expect(copy.length).toBeGreaterThan(0);
    expect((await download(pdfUrl, token)).status).not.toBe(200);
  });

  it("keeps a delete the store could not do queued, and deletes it once the store is back", async () => {
    const { id } = await approvedPostpaid();
    const refs = (await refsOf(id)).map((r) => String(r.ref));
    await s3.stop();
    try {
      await shred(id);
      const result = await deleteQueuedObjects(server.services);
      expect(result).toEqual({ deleted: 0, failed: refs.length });
      const waiting = await queued();
      expect(waiting.map((q) => q.ref).sort()).toEqual([...refs].sort());
      expect(waiting.every((q) => q.attempts === 1 && (q.last_error ?? "").length > 0)).toBe(true);
    } finally {
      await s3.start();
    }
    // Not due yet: the next attempt waits a minute after the first failure.
    expect(await deleteQueuedObjects(server.services)).toEqual({ deleted: 0, failed: 0 });
    server.advanceClock(2 * 60_000);
    expect(await deleteQueuedObjects(server.services)).toEqual({ deleted: refs.length, failed: 0 });
    expect(await queued()).toEqual([]);
    const keys = await s3.keys();
    for (const ref of refs) expect(keys).not.toContain(ref);
  });

  it("writes no object for evidence the application no longer takes", async () => {
    const { reference, token } = await approvedPostpaid();
    const before = await s3.keys();
    const refused = await server.api("POST", `/v1/applications/${reference}/evidence`, {
      token,
      body: { kind: "mrz", lines: td3(somebody()) },
    });
    expect(refused).toMatchObject({ status: 409, body: { code: "application_not_editable" } });
    expect(await s3.keys()).toEqual(before);
  });

  it("refuses a row with its document in both places or in neither", async () => {
    const { id } = await approvedPostpaid();
    for (const [enc, ref] of [
      [Buffer.from("x"), "documents/both"],
      [null, null],
    ] as const) {
      await expect(
        server.services.db.query(
          "INSERT INTO evidence (id, application_id, kind, content_enc, content_ref) VALUES (gen_random_uuid(), $1, 'mrz', $2, $3)",
          [id, enc, ref],
        ),
      ).rejects.toThrow(/evidence_content_one_place/);
    }
  });
});
