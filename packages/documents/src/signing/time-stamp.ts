import { createHash, randomBytes } from "node:crypto";
import { SignedData } from "@peculiar/asn1-cms";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import {
  Accuracy,
  id_ct_tstInfo,
  MessageImprint,
  PKIFreeText,
  PKIStatus,
  PKIStatusInfo,
  TimeStampReq,
  TimeStampResp,
  TimeStampToken,
  TSTInfo,
} from "@peculiar/asn1-tsp";
import { AlgorithmIdentifier } from "@peculiar/asn1-x509";
import { type CmsSigner, oids, signCms } from "./cms.ts";

/** The time-stamp port: an RFC 3161 TSA that stamps a digest and answers with a DER TimeStampToken. */
export type TimeStampAuthority = {
  timestamp(digest: Buffer, algorithm: "sha256"): Promise<Buffer>;
};

export class TimeStampError extends Error {}

/** A TSA policy OID under the documentation arc (RFC 5612): this authority is for development only. */
export const developmentTsaPolicy = "1.3.6.1.4.1.32473.1.1";

const toArrayBuffer = (b: Buffer): ArrayBuffer => {
  const copy = new ArrayBuffer(b.byteLength);
  new Uint8Array(copy).set(b);
  return copy;
};

/** A positive INTEGER of n random bytes (top bit clear). */
function positiveRandom(n: number): Buffer {
  const bytes = randomBytes(n);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes;
}

export function timeStampRequest(digest: Buffer, nonce: Buffer = positiveRandom(8)): Buffer {
  return Buffer.from(
    AsnConvert.serialize(
      new TimeStampReq({
        version: 1,
        messageImprint: new MessageImprint({
          hashAlgorithm: new AlgorithmIdentifier({ algorithm: oids.sha256 }),
          hashedMessage: new OctetString(toArrayBuffer(digest)),
        }),
        nonce: toArrayBuffer(nonce),
        certReq: true,
      }),
    ),
  );
}

/**
 * Asks a TSA (through `send`, which carries a DER TimeStampReq and returns the DER TimeStampResp) to
 * stamp a SHA-256 digest, and returns the token once it is granted and answers this very request:
 * the same message imprint and the same nonce. An unrelated or replayed token is refused.
 */
export async function requestTimeStamp(digest: Buffer, send: (requestDer: Buffer) => Promise<Buffer>): Promise<Buffer> {
  const nonce = positiveRandom(8);
  return tokenFromResponse(await send(timeStampRequest(digest, nonce)), { digest, nonce });
}

/** The token of a granted TimeStampResp; given what was asked, it must answer exactly that. */
export function tokenFromResponse(responseDer: Buffer, asked?: { digest: Buffer; nonce: Buffer }): Buffer {
  const response = AsnConvert.parse(responseDer, TimeStampResp);
  if (response.status.status !== PKIStatus.granted && response.status.status !== PKIStatus.grantedWithMods) {
    throw new TimeStampError(
      `time-stamp refused: ${response.status.statusString?.join("; ") ?? response.status.status}`,
    );
  }
  if (!response.timeStampToken) throw new TimeStampError("time-stamp response without a token");
  if (asked) {
    const signed = AsnConvert.parse(response.timeStampToken.content, SignedData);
    const content = signed.encapContentInfo.eContent?.single ?? signed.encapContentInfo.eContent?.any;
    if (!content) throw new TimeStampError("time-stamp token without TSTInfo");
    const info = AsnConvert.parse(content instanceof OctetString ? content.buffer : content, TSTInfo);
    if (!Buffer.from(info.messageImprint.hashedMessage.buffer).equals(asked.digest)) {
      throw new TimeStampError("the time-stamp answers another digest");
    }
    if (!info.nonce || !Buffer.from(info.nonce).equals(asked.nonce)) {
      throw new TimeStampError("the time-stamp answers another request (nonce)");
    }
  }
  return Buffer.from(AsnConvert.serialize(response.timeStampToken));
}

/**
 * A time-stamp authority in the process, with a development key and certificate (extended key usage
 * timeStamping, critical): real DER TimeStampReq → TimeStampResp, TSTInfo signed as CMS with ESS
 * signing-certificate-v2 (RFC 5816). A qualified TSA would be another implementation of the port.
 */
export class LocalTimeStampAuthority implements TimeStampAuthority {
  constructor(
    private readonly signer: CmsSigner,
    private readonly options: { policy?: string; clock?: () => Date } = {},
  ) {}

  async timestamp(digest: Buffer, algorithm: "sha256"): Promise<Buffer> {
    if (algorithm !== "sha256" || digest.length !== 32) throw new TimeStampError("only SHA-256 digests are stamped");
    return requestTimeStamp(digest, (request) => this.respond(request));
  }

  /** Answers one DER TimeStampReq with a DER TimeStampResp, as a TSA's HTTP endpoint would. */
  async respond(requestDer: Buffer): Promise<Buffer> {
    let request: TimeStampReq;
    try {
      request = AsnConvert.parse(requestDer, TimeStampReq);
    } catch {
      return rejection("badDataFormat");
    }
    const imprint = request.messageImprint;
    if (imprint.hashAlgorithm.algorithm !== oids.sha256 || imprint.hashedMessage.byteLength !== 32) {
      return rejection("badAlg: only SHA-256");
    }
    const policy = this.options.policy ?? developmentTsaPolicy;
    if (request.reqPolicy && request.reqPolicy !== policy) return rejection("unacceptedPolicy");
    const genTime = this.options.clock?.() ?? new Date();
    // Whole seconds: GeneralizedTime without fractions is what every verifier reads.
    genTime.setUTCMilliseconds(0);
    const tstInfo = Buffer.from(
      AsnConvert.serialize(
        new TSTInfo({
          version: 1,
          policy,
          messageImprint: imprint,
          serialNumber: toArrayBuffer(positiveRandom(16)),
          genTime,
          accuracy: new Accuracy({ seconds: 1 }),
          ordering: false,
          nonce: request.nonce,
        }),
      ),
    );
    const token = await signCms({
      signer: this.signer,
      eContentType: id_ct_tstInfo,
      eContent: tstInfo,
      contentDigest: createHash("sha256").update(tstInfo).digest(),
    });
    return Buffer.from(
      AsnConvert.serialize(
        new TimeStampResp({
          status: new PKIStatusInfo({ status: PKIStatus.granted }),
          timeStampToken: AsnConvert.parse(token, TimeStampToken),
        }),
      ),
    );
  }
}

function rejection(reason: string): Buffer {
  return Buffer.from(
    AsnConvert.serialize(
      new TimeStampResp({
        status: new PKIStatusInfo({ status: PKIStatus.rejection, statusString: new PKIFreeText([reason]) }),
      }),
    ),
  );
}
