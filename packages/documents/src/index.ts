export * from "./render/inputs.ts";
export {
  type ContractDocumentKind,
  renderContract,
  renderContractDocument,
  renderImportantMatters,
} from "./render/render-contract.ts";
export { type LabelSheetInput, type PackageLabel, type QrMatrix, renderPackageLabels } from "./render/render-labels.ts";
export { type LetterContent, type LetterInput, renderLetter } from "./render/render-letter.ts";
export { renderReceipt } from "./render/render-receipt.ts";
export { sampleContractInput, sampleOperator, sampleReceiptInput } from "./sample/sample-data.ts";
export { type SampleContractOptions, writeSampleContract } from "./sample/write-sample-contract.ts";
export { createDevelopmentSigner, type DevelopmentSigner } from "./signing/development-signer.ts";
export { Pkcs12Error, readPkcs12 } from "./signing/pkcs12.ts";
export { type PdfSigner, type SignPdfOptions, signPdf } from "./signing/sign-pdf.ts";
export {
  developmentTsaPolicy,
  LocalTimeStampAuthority,
  requestTimeStamp,
  type TimeStampAuthority,
  TimeStampError,
  timeStampRequest,
  tokenFromResponse,
} from "./signing/time-stamp.ts";
export type { ReceiptPurpose } from "./templates/template.ts";
