/**
 * The terms of service and the privacy notice the applicant accepts before submitting (issue 20
 * item 8). Each is versioned: the site shows the version it offers, the submission names it, and the
 * acceptance is recorded with that version, so what a person agreed to can be read again later. A new
 * text is a new version here; an old version's text is kept, never edited.
 *
 * The Japanese text governs; the English one is its translation (the site says so in every language).
 */
export type LegalDocument = { kind: "terms" | "privacy"; version: string; text: { ja: string; en: string } };

const terms: LegalDocument = {
  kind: "terms",
  version: "2026-12-01",
  text: {
    ja: [
      "利用規約(2026年12月1日版)",
      "第1条(適用) この規約は、当社が提供する移動通信サービス(以下「本サービス」)の申込みと利用に適用されます。",
      "第2条(本人確認) 携帯音声通信事業者による契約者等の本人確認等及び携帯音声通信役務の不正な利用の防止に関する法律に基づき、当社は申込者の本人確認を行います。申込者は、真実かつ正確な情報と本人確認書類を提出するものとします。",
      "第3条(契約の成立) 契約は、当社が申込みを承諾した時に成立します。当社は、本人確認ができない場合その他正当な理由がある場合、申込みを承諾しないことがあります。",
      "第4条(料金) 申込者は、申込時に表示された料金プランの料金を支払うものとします。前払いプランの料金は、回線の提供前に支払うものとします。",
      "第5条(禁止事項) 契約者は、本サービスを第三者に譲渡し、又は当社の承諾なく他人に利用させてはなりません。",
      "第6条(解約) 契約者は、当社所定の方法により、いつでも契約を解約できます。",
    ].join("\n"),
    en: [
      "Terms of service (version of 1 December 2026)",
      "Article 1 (Scope) These terms apply to applying for and using the mobile service we provide (the Service).",
      "Article 2 (Identity verification) Under the Act on Identification of Subscribers by Mobile Voice Communications Carriers and Prevention of Improper Use of Mobile Voice Communications Services, we verify the identity of every applicant. You give true and accurate particulars and genuine identity documents.",
      "Article 3 (Contract) The contract is made when we accept your application. We may decline an application when your identity cannot be verified or for another legitimate reason.",
      "Article 4 (Charges) You pay the charges of the plan shown when you apply. A prepaid plan is paid before the line is provided.",
      "Article 5 (Prohibited acts) You may not transfer the Service to anyone or let another person use it without our consent.",
      "Article 6 (Ending the contract) You may end the contract at any time in the way we provide.",
    ].join("\n"),
  },
};

const privacy: LegalDocument = {
  kind: "privacy",
  version: "2026-12-01",
  text: {
    ja: [
      "プライバシーポリシー(2026年12月1日版)",
      "1. 取得する情報 氏名、生年月日、住所、国籍、連絡先、本人確認書類の情報と画像、顔写真。個人番号(マイナンバー)は取得・保存しません。",
      "2. 利用目的 法令に基づく本人確認、契約の締結と履行、料金の請求、不正利用の防止、法令に基づく照会への対応。",
      "3. 保存期間 本人確認記録は、法令の定めにより契約終了後3年間保存し、その後消去します。",
      "4. 第三者提供 法令に基づく場合を除き、本人の同意なく第三者に提供しません。",
      "5. 安全管理 個人情報は暗号化して保存し、業務上必要な担当者のみが閲覧できます。",
      "6. 開示等の請求 保有個人データの開示、訂正、利用停止、削除は、当社の窓口に請求できます。",
    ].join("\n"),
    en: [
      "Privacy notice (version of 1 December 2026)",
      "1. What we collect: your name, date of birth, address, nationality, contact details, your identity document's particulars and images, and a photo of your face. We never collect or keep your Individual Number (My Number).",
      "2. Why: identity verification as the law requires, making and performing the contract, billing, preventing misuse, and answering requests the law allows.",
      "3. How long: the verification record is kept for three years after the contract ends, as the law requires, then destroyed.",
      "4. Sharing: we give your data to no one without your consent, except where the law requires it.",
      "5. Security: your personal data is stored encrypted and seen only by the staff whose work needs it.",
      "6. Your rights: you may ask us to disclose, correct, stop using or delete the data we hold about you.",
    ].join("\n"),
  },
};

export const legalDocuments = { terms, privacy } as const;
