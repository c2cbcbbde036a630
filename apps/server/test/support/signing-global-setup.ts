import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDevelopmentSigner } from "@jitsumei/documents";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A development sealing PKI made once per run, copied into each test server's data folder. */
    developmentSignerDir: string;
  }
}

/**
 * A server outside production makes its development sealing keys (three RSA-3072 keys and two
 * PKCS#12 files) in its data folder the first time it seals a document: ~2 s of CPU for each test
 * server that signs a contract or a receipt. The keys are made here once per run instead, and
 * `startTestServer` copies them into each new data folder, where the server finds and loads them as it
 * would after a restart. Making them is still tested where it is the point (the documents package's
 * createDevelopmentSigner test, the sample-contract command). Under `npm test` both vitest passes take
 * them from the folder scripts/test.mjs names in JITSUMEI_TEST_FIXTURES_DIR (it removes the folder).
 */
export function setup(project: TestProject) {
  const shared = process.env.JITSUMEI_TEST_FIXTURES_DIR;
  const root = shared ?? mkdtempSync(join(tmpdir(), "jitsumei-development-signer-"));
  const dir = join(root, "signing");
  // createDevelopmentSigner loads a complete set it finds (the passphrase file is written last).
  if (!existsSync(join(dir, "passphrase"))) createDevelopmentSigner(dir);
  project.provide("developmentSignerDir", dir);
  return shared ? undefined : () => rmSync(root, { recursive: true, force: true });
}
