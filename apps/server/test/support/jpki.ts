import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { openssl } from "../../../../packages/evidence/src/fixtures/openssl.ts";
import type { Person } from "./person.ts";
import type { TestServer } from "./test-server.ts";

/**
 * A My Number card's JPKI signature for any test person (NF_JPKI, the method the law accepts online
 * for a voice line): a signing certificate carrying the person's four particulars, issued by the test
 * JPKI CA the test servers trust (startTestServer sets JITSUMEI_JPKI_TRUST_DIR), over the payload the
 * server gives. Certificates are issued with `openssl x509 -req` and a random serial, so test files
 * running at once never share the CA's index.
 */
export type JpkiAddress = { prefecture: string; city: string; line1: string };

const work = mkdtempSync(join(tmpdir(), "jitsumei-jpki-person-"));

/**
 * The certificates issued in this worker, by the particulars they carry: a person who signs again (the
 * suite signs for the same few people hundreds of times) uses the card's one certificate, as a real
 * card would, instead of two more `openssl` processes forked from the test worker.
 */
const issued = new Map<string, string>();

function signingCertificate(person: Person, address: JpkiAddress): string {
  const key = JSON.stringify([person.family, person.given, person.sex, person.birthDate, address]);
  const known = issued.get(key);
  if (known) return known;
  const cert = issueSigningCertificate(person, address);
  issued.set(key, cert);
  return cert;
}

function issueSigningCertificate(person: Person, address: JpkiAddress): string {
  const { jpki } = inject("evidenceFixtures");
  const id = randomBytes(6).toString("hex");
  const csr = join(work, `${id}.csr`);
  const ext = join(work, `${id}.cnf`);
  const cert = join(work, `${id}.pem`);
  const era = person.birthDate >= "1989-01-08" ? "4" : "3";
  writeFileSync(
    ext,
    [
      "[ ext ]",
      "keyUsage = critical, digitalSignature, nonRepudiation",
      "authorityKeyIdentifier = keyid",
      "subjectKeyIdentifier = hash",
      "subjectAltName = @san",
      "[ san ]",
      `otherName.1 = 1.2.392.200149.8.5.5.1;FORMAT:UTF8,UTF8:${person.family} ${person.given}`,
      "otherName.2 = 1.2.392.200149.8.5.5.2;UTF8:",
      `otherName.3 = 1.2.392.200149.8.5.5.3;FORMAT:UTF8,UTF8:${person.sex === "F" ? "2" : "1"}`,
      `otherName.4 = 1.2.392.200149.8.5.5.4;FORMAT:UTF8,UTF8:${era}${person.birthDate.replaceAll("-", "")}`,
      `otherName.5 = 1.2.392.200149.8.5.5.5;FORMAT:UTF8,UTF8:${address.prefecture}${address.city}${address.line1}`,
      "otherName.6 = 1.2.392.200149.8.5.5.6;UTF8:",
      "",
    ].join("\n"),
  );
  openssl(["req", "-new", "-key", jpki.signer.key, "-subj", `/C=JP/L=Tokyo-to/CN=SIGNING${id}`, "-out", csr]);
  openssl([
    "x509",
    "-req",
    "-in",
    csr,
    "-CA",
    jpki.authority.cert,
    "-CAkey",
    jpki.authority.key,
    "-set_serial",
    `0x${randomBytes(8).toString("hex")}`,
    "-days",
    "1825",
    "-sha256",
    "-extfile",
    ext,
    "-extensions",
    "ext",
    "-out",
    cert,
  ]);
  return cert;
}

/** Signs the application's JPKI payload as `person` and adds it as evidence; fails loudly if refused. */
export async function signWithMyNumberCard(
  server: TestServer,
  reference: string,
  token: string,
  person: Person,
  address: JpkiAddress,
): Promise<void> {
  const payload = await server.api("GET", `/v1/applications/${reference}/jpki-payload`, { token });
  if (payload.status !== 200) throw new Error(`jpki-payload: ${JSON.stringify(payload.body)}`);
  const { jpki } = inject("evidenceFixtures");
  const signature = openssl(
    [
      "cms",
      "-sign",
      "-binary",
      "-nodetach",
      "-signer",
      signingCertificate(person, address),
      "-inkey",
      jpki.signer.key,
      "-md",
      "sha256",
      "-outform",
      "DER",
    ],
    Buffer.from(String(payload.body.payload), "base64"),
  );
  const added = await server.api("POST", `/v1/applications/${reference}/evidence`, {
    token,
    body: { kind: "jpki", signature: signature.toString("base64") },
  });
  if (added.status !== 201) throw new Error(`jpki evidence: ${JSON.stringify(added.body)}`);
}
