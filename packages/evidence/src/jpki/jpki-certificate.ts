import type { X509Certificate } from "node:crypto";
import { AsnConvert } from "@peculiar/asn1-schema";
import { Certificate, id_ce_subjectAltName, SubjectAlternativeName } from "@peculiar/asn1-x509";
import * as asn1js from "asn1js";
import { certificateFields, children, DER, DerError, expectTag, oidOf, readOne } from "../asn1/der.ts";

/**
 * The four particulars (基本4情報) in a JPKI signing certificate (署名用電子証明書): otherName
 * entries of subjectAltName, UTF8String values (EVIDENCE.md). The card's 12-digit number is never
 * in this certificate and nothing here reads it from anywhere else.
 */
export const JPKI_OID = {
  name: "1.2.392.200149.8.5.5.1",
  nameSubstitutionFlags: "1.2.392.200149.8.5.5.2",
  sex: "1.2.392.200149.8.5.5.3",
  birthDate: "1.2.392.200149.8.5.5.4",
  address: "1.2.392.200149.8.5.5.5",
  addressSubstitutionFlags: "1.2.392.200149.8.5.5.6",
} as const;

export type JpkiParticulars = {
  /** Family and given name separated by an ideographic space (U+3000), as registered. */
  name: string;
  sex: "male" | "female" | "unspecified";
  /** YYYY-MM-DD (the certificate holds an era digit, then the Gregorian YYYYMMDD). */
  birthDate: string;
  /** From the prefecture on, no postcode. */
  address: string;
};

/** The particulars, or null when the certificate carries none (e.g. the user-authentication certificate). */
export function jpkiParticularsOf(certificate: X509Certificate): JpkiParticulars | null {
  return particularsOf(certificate.raw, () => certificateFields(certificate.raw).extensions.get(id_ce_subjectAltName));
}

/**
 * The same from a certificate's DER whose subjectAltName value (GeneralNames) was already read
 * (`readCertificateDer`), so that it is not read twice.
 */
export function jpkiParticularsFromSubjectAltName(der: Buffer, subjectAltName: Buffer | null): JpkiParticulars | null {
  return particularsOf(der, () => subjectAltName ?? undefined);
}

function particularsOf(der: Buffer, subjectAltName: () => Buffer | undefined): JpkiParticulars | null {
  try {
    return readParticulars(der, subjectAltName);
  } catch {
    return null; // a malformed extension carries no particulars we could trust
  }
}

function readParticulars(der: Buffer, subjectAltName: () => Buffer | undefined): JpkiParticulars | null {
  let values: Map<string, string> | null;
  try {
    const extension = subjectAltName();
    values = extension ? otherNamesDer(extension) : null;
  } catch {
    values = otherNamesGeneric(der);
  }
  if (!values) return null;
  const name = values.get(JPKI_OID.name);
  const birth = values.get(JPKI_OID.birthDate);
  const address = values.get(JPKI_OID.address);
  const sex = values.get(JPKI_OID.sex);
  if (!name || !birth || !address || !sex) return null;
  const ymd = /^[1-5](\d{4})(\d{2})(\d{2})$/.exec(birth);
  return {
    name,
    sex: sex === "1" ? "male" : sex === "2" ? "female" : "unspecified",
    birthDate: ymd ? `${ymd[1]}-${ymd[2]}-${ymd[3]}` : "",
    address,
  };
}

/**
 * The otherName entries of a subjectAltName value whose values are UTF8Strings, in one pass over the
 * DER (GeneralName otherName ::= [0] { type-id OID, [0] EXPLICIT value }). Anything else throws
 * DerError, and the generic parse below decides.
 */
function otherNamesDer(extension: Buffer): Map<string, string> {
  const values = new Map<string, string>();
  for (const general of children(readOne(extension, DER.sequence).value)) {
    if (general.tag !== DER.context0) {
      if (general.constructed && general.tag !== 0xa4) throw new DerError("unexpected GeneralName");
      continue; // rfc822Name, dNSName, directoryName …: not particulars
    }
    const [typeId, explicit, extra] = children(general.value, 3);
    if (extra) throw new DerError("otherName has more than two fields");
    const [value, more] = children(expectTag(explicit, DER.context0).value, 2);
    if (more || value?.tag !== 0x0c) throw new DerError("otherName value is not one UTF8String");
    values.set(oidOf(expectTag(typeId, DER.oid)), utf8.decode(value.value));
  }
  return values;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function otherNamesGeneric(der: Buffer): Map<string, string> | null {
  const parsed = AsnConvert.parse(der, Certificate);
  const extension = parsed.tbsCertificate.extensions?.find((e) => e.extnID === id_ce_subjectAltName);
  if (!extension) return null;
  const values = new Map<string, string>();
  for (const general of AsnConvert.parse(extension.extnValue, SubjectAlternativeName)) {
    if (!general.otherName) continue;
    const inner = asn1js.fromBER(general.otherName.value);
    const block = inner.result as asn1js.BaseBlock & { valueBlock: { value?: string } };
    if (inner.offset === -1 || typeof block.valueBlock?.value !== "string") continue;
    values.set(general.otherName.typeId, block.valueBlock.value);
  }
  return values;
}
