export * from "./chip/master-list.ts";
export * from "./chip/passive-authentication.ts";
export * from "./chip/trust-store.ts";
export * from "./jpki/compare-particulars.ts";
export * from "./jpki/jpki-certificate.ts";
export * from "./jpki/verify-jpki-signature.ts";
export * from "./x509/chain.ts";
export * from "./x509/crl.ts";
