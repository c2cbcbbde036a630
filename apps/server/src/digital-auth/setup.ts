import { createPrivateKey, createPublicKey, generateKeyPair, generateKeyPairSync, type KeyObject } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { exportJWK, type JWK } from "jose";
import type { Config } from "../config/config.ts";
import { type DigitalAuthApp, digitalAuthClient } from "./digital-auth-app.ts";
import { DIGITAL_AUTH } from "./protocol.ts";
import { SIMULATOR_PREFIX, type SimulatorOptions } from "./simulator.ts";

export type DigitalAuthSetup = {
  /** Null: the method is not offered (production without DIGITAL_AUTH_* variables). */
  app: DigitalAuthApp | null;
  /** The local simulator to mount (never in production). */
  simulator: SimulatorOptions | null;
  /** The JPKI trust folder to use: the simulator's test CA when none is configured. */
  jpkiTrustDir: string;
};

/**
 * Builds the Digital Authentication App adapter from the configuration. `url` is the server's own
 * address once it listens: the simulator lives there, and the redirect comes back there.
 */
export async function setUpDigitalAuth(
  config: Config,
  url: () => string,
  warn: (m: string) => void,
): Promise<DigitalAuthSetup> {
  const da = config.digitalAuth;
  if (da.kind === "unavailable") return { app: null, simulator: null, jpkiTrustDir: config.trust.jpkiDir };
  if (da.kind === "app") {
    const auth =
      da.auth.kind === "client_secret"
        ? { kind: "client_secret" as const, secret: da.auth.secret }
        : { kind: "private_key_jwt" as const, jwk: readClientKey(da.auth.keyFile) };
    const app = digitalAuthClient({
      baseUrl: () => da.baseUrl,
      clientId: da.clientId,
      redirectUri: () => da.redirectUri,
      auth,
      decryptionKey: readDecryptionKey(da.decryptionKeyFile),
    });
    return { app, simulator: null, jpkiTrustDir: config.trust.jpkiDir };
  }
  if (config.env === "production") throw new Error("the Digital Authentication App simulator never runs in production");
  // The simulator: a client key made per start, a test card given or made once in the data folder.
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const clientJwk = { ...(await exportJWK(privateKey)), alg: "ES256" };
  const clientPublicJwk = { ...(await exportJWK(publicKey)), alg: "ES256" };
  let card = da.card;
  const jpkiTrustDir = config.trust.jpkiDir;
  // Tests name their card (the fixtures'); making one costs seconds of key generation per server.
  if (!card && config.env === "test") return { app: null, simulator: null, jpkiTrustDir };
  if (!card) {
    const made = await simulatorCard(config.dataDir);
    card = made.card;
    // An empty JPKI trust folder gets the simulator's test CA (development only), so the folder
    // `npm start` names is the one that is used; a folder the operator filled is left as it is.
    if (!existsSync(jpkiTrustDir) || readdirSync(jpkiTrustDir).length === 0) {
      mkdirSync(jpkiTrustDir, { recursive: true });
      for (const file of readdirSync(made.trustDir)) copyFileSync(join(made.trustDir, file), join(jpkiTrustDir, file));
      warn(`JPKI signatures are checked against the simulator's test CA, put in ${jpkiTrustDir} (development only)`);
    }
  }
  // The key the simulator encrypts the signature result to, as the Digital Agency would to the one an
  // operator registers (RSA-OAEP-256, protocol.ts). Made once and kept in the data folder beside the
  // test card: an RSA key made on every start cost 0.7 s or more of it (BENCHMARKS.md, start-up).
  const encryption = await simulatorEncryptionKey(config.dataDir);
  const rpEncryptionJwk = {
    ...(await exportJWK(encryption.publicKey)),
    alg: DIGITAL_AUTH.resultEncryption.alg,
    use: "enc",
    kid: "jitsumei-dev-enc",
  };
  const clientId = "JITSUMEIDEV";
  // The browser goes to the simulator and back on the site's own origin: PUBLIC_URL when one was set
  // (a phone on the local network), else the address the server listens on (the one it prints).
  const origin = () => (config.publicUrlSet ? config.publicUrl : url());
  const redirectUri = () => `${origin()}/v1/digital-auth/callback`;
  const app = digitalAuthClient({
    baseUrl: () => `${origin()}${SIMULATOR_PREFIX}`,
    clientId,
    redirectUri,
    auth: { kind: "private_key_jwt", jwk: clientJwk },
    decryptionKey: encryption.privateKey,
  });
  return {
    app,
    simulator: {
      baseUrl: () => `${origin()}${SIMULATOR_PREFIX}`,
      redirectUri,
      env: config.env,
      clientId,
      clientPublicJwk,
      rpEncryptionJwk,
      card: {
        keyPem: readFileSync(card.keyFile, "utf8"),
        certificateDer: pemToDer(readFileSync(card.certFile, "utf8")),
      },
    },
    jpkiTrustDir,
  };
}

/** A private JWK (JSON) file; an unreadable one stops the start, naming the variable. */
function readClientKey(file: string): JWK {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`DIGITAL_AUTH_PRIVATE_KEY_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (!jwk.d) throw new Error("not a private key");
    return jwk;
  } catch (error) {
    throw new Error(`DIGITAL_AUTH_PRIVATE_KEY_FILE: ${file} is not a private JWK: ${(error as Error).message}`);
  }
}

/**
 * The relying party's decryption key: a PEM private key (PKCS#8, PKCS#1 or SEC1) or a private JWK,
 * RSA of 2048 bits or more, or EC on P-256/384/521. Read at start, so a missing or wrong file stops
 * the server naming the variable rather than failing the first applicant's signature.
 */
export function readDecryptionKey(file: string): KeyObject {
  const name = "DIGITAL_AUTH_DECRYPTION_KEY_FILE";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`${name}: cannot read ${file}: ${(error as Error).message}`);
  }
  let key: KeyObject;
  try {
    key = text.trimStart().startsWith("{")
      ? createPrivateKey({ key: JSON.parse(text) as import("node:crypto").JsonWebKey, format: "jwk" })
      : createPrivateKey(text);
  } catch (error) {
    throw new Error(`${name}: ${file} is not a private key in PEM or JWK: ${(error as Error).message}`);
  }
  const details = key.asymmetricKeyDetails ?? {};
  const rsa = key.asymmetricKeyType === "rsa" && (details.modulusLength ?? 0) >= 2048;
  const ec =
    key.asymmetricKeyType === "ec" && ["prime256v1", "secp384r1", "secp521r1"].includes(details.namedCurve ?? "");
  if (!rsa && !ec) {
    throw new Error(
      `${name}: ${file} must hold an RSA key of 2048 bits or more, or an EC key on P-256, P-384 or P-521`,
    );
  }
  return key;
}

/** The simulator's result-encryption key pair, made once (RSA 2048) in the data folder, owner-only. */
async function simulatorEncryptionKey(dataDir: string): Promise<{ publicKey: KeyObject; privateKey: KeyObject }> {
  const root = join(dataDir, "dev-digital-auth");
  const file = join(root, "result-encryption-key.pem");
  if (!existsSync(file)) {
    mkdirSync(root, { recursive: true });
    const made = await promisify(generateKeyPair)("rsa", { modulusLength: 2048 });
    const pem = made.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    // Written whole under another name, then renamed: a start stopped half-way leaves no broken key.
    writeFileSync(`${file}.${process.pid}`, pem, { mode: 0o600 });
    renameSync(`${file}.${process.pid}`, file);
  }
  const privateKey = createPrivateKey(readFileSync(file, "utf8"));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The demo's test card: the JPKI test CA and signing certificate of the fixtures, made once (openssl). */
async function simulatorCard(
  dataDir: string,
): Promise<{ card: { keyFile: string; certFile: string }; trustDir: string }> {
  const root = join(dataDir, "dev-digital-auth");
  const marker = join(root, "made");
  if (!existsSync(marker)) {
    mkdirSync(root, { recursive: true });
    const { makeJpkiFixtures } = await import("@jitsumei/evidence/fixtures/jpki");
    const made = makeJpkiFixtures(root);
    writeFileSync(marker, JSON.stringify({ key: made.signer.key, cert: made.signer.cert, trustDir: made.trustDir }));
  }
  const made = JSON.parse(readFileSync(marker, "utf8")) as { key: string; cert: string; trustDir: string };
  return { card: { keyFile: made.key, certFile: made.cert }, trustDir: made.trustDir };
}

function pemToDer(pem: string): Buffer {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem)?.[1];
  if (!body) throw new Error("the simulator's card certificate is not PEM");
  return Buffer.from(body.replace(/\s+/g, ""), "base64");
}
