import { DER, DerError, derChildren, expectTag, latin1, minimalTlv, oidOf, readOne } from "../asn1/der.ts";
import type { Tlv } from "../asn1/tlv.ts";

/**
 * A distinguished name (RFC 5280 Name) read strictly from DER, and printed the way node's
 * `X509Certificate.subject` and `.issuer` print it (OpenSSL's `X509_NAME_print_ex` with node's
 * multiline flags: one `SN=value` per line, `A=x + B=y` within a multi-valued RDN). The evidence
 * records these strings (`certificateSummary`), so a certificate read without OpenSSL must give the
 * same text.
 *
 * Only the common case is handled: PrintableString and IA5String in printable ASCII, UTF8String,
 * attribute types with a known short name, and values OpenSSL prints unescaped. Anything else
 * throws `DerError` and the caller reads the certificate with `X509Certificate` instead, so the text
 * never depends on this reader (a property test compares both on random names).
 */
export type NameAttribute = { type: string; value: string };

export const STRING = { utf8: 0x0c, printable: 0x13, ia5: 0x16 } as const;

// OpenSSL's short names (XN_FLAG_FN_SN) of the attribute types met in certificate names.
const shortNames: Record<string, string> = {
  "2.5.4.3": "CN",
  "2.5.4.4": "SN",
  "2.5.4.5": "serialNumber",
  "2.5.4.6": "C",
  "2.5.4.7": "L",
  "2.5.4.8": "ST",
  "2.5.4.9": "street",
  "2.5.4.10": "O",
  "2.5.4.11": "OU",
  "2.5.4.12": "title",
  "2.5.4.13": "description",
  "2.5.4.15": "businessCategory",
  "2.5.4.17": "postalCode",
  "2.5.4.41": "name",
  "2.5.4.42": "GN",
  "2.5.4.43": "initials",
  "2.5.4.46": "dnQualifier",
  "2.5.4.97": "organizationIdentifier",
  "1.2.840.113549.1.9.1": "emailAddress",
  "0.9.2342.19200300.100.1.1": "UID",
  "0.9.2342.19200300.100.1.25": "DC",
};

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Name ::= SEQUENCE OF RelativeDistinguishedName (SET OF AttributeTypeAndValue), at least one. */
export function readName(der: Uint8Array): NameAttribute[][] {
  const rdns = derChildren(minimalTlv(readOne(der, DER.sequence)).value, 64);
  if (rdns.length === 0) throw new DerError("empty name");
  const name: NameAttribute[][] = [];
  for (const rdn of rdns) {
    const attributes = derChildren(expectTag(rdn, DER.set).value, 16);
    if (attributes.length === 0) throw new DerError("empty RDN");
    const read: NameAttribute[] = [];
    for (const attribute of attributes) read.push(readAttribute(attribute));
    name.push(read);
  }
  return name;
}

function readAttribute(tlv: Tlv): NameAttribute {
  const [type, value, extra] = derChildren(expectTag(tlv, DER.sequence).value, 3);
  if (extra || !value) throw new DerError("AttributeTypeAndValue is not two fields");
  return { type: oidOf(expectTag(type, DER.oid)), value: readString(value) };
}

function readString(tlv: Tlv): string {
  if (tlv.tag === STRING.utf8) return utf8.decode(tlv.value);
  if (tlv.tag !== STRING.printable && tlv.tag !== STRING.ia5) throw new DerError(`name string tag ${tlv.tag}`);
  // OpenSSL reads these as Latin-1; only ASCII is taken here, so that both read the same characters.
  for (const b of tlv.value) if (b < 0x20 || b > 0x7e) throw new DerError("non-ASCII in an ASCII string");
  return latin1(tlv.value);
}

/**
 * Whether OpenSSL would escape something in the value (RFC 2253 specials, '#', control characters,
 * a leading or trailing space): such values are left to OpenSSL rather than imitating its escaping.
 */
function needsEscaping(value: string): boolean {
  if (value.startsWith(" ") || value.endsWith(" ")) return true;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || SPECIALS.includes(code)) return true;
  }
  return false;
}

const SPECIALS = [...',+"\\<>;#'].map((c) => c.charCodeAt(0));

/** The name as `X509Certificate.subject` prints it; throws `DerError` where it might differ. */
export function formatName(rdns: readonly (readonly NameAttribute[])[]): string {
  let text = "";
  for (let r = 0; r < rdns.length; r++) {
    const rdn = rdns[r] as readonly NameAttribute[];
    if (r > 0) text += "\n";
    for (let a = 0; a < rdn.length; a++) {
      const { type, value } = rdn[a] as NameAttribute;
      const short = shortNames[type];
      if (!short) throw new DerError(`no short name for ${type}`);
      if (needsEscaping(value)) throw new DerError("a value OpenSSL would escape");
      text += `${a > 0 ? " + " : ""}${short}=${value}`;
    }
  }
  return text;
}
