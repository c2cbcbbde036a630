import type { CheckMessages } from "./check-messages-type.ts";

/** Messages of the IC-chip checks (passive authentication of a passport or ID card chip). */
const readAgain = {
  ja: "スマートフォンをカードや旅券に当て直し、読み取りが終わるまで動かさずにもう一度お試しください。",
  en: "Hold your phone against the card or passport again and keep still until reading has finished.",
  "zh-Hans": "请将手机重新贴近证件或护照，并保持不动直到读取完成后再试一次。",
  "zh-Hant": "請將手機重新貼近證件或護照，並保持不動直到讀取完成後再試一次。",
  ko: "휴대전화를 카드나 여권에 다시 대고, 읽기가 끝날 때까지 움직이지 말고 다시 시도해 주세요.",
  vi: "Vui lòng áp điện thoại vào thẻ hoặc hộ chiếu lần nữa và giữ yên cho đến khi đọc xong.",
};

export const chipCheckMessages: CheckMessages = {
  "chip.document_type_matches": {
    fail: {
      ja: "読み取ったICチップは在留カードのものですが、お申込みの本人確認書類の種類が異なります。書類の種類を「在留カード」にして、番号と有効期限を入力し直してください。",
      en: "The chip you read is a residence card's, but the form names another kind of document. Choose “residence card” and enter its number and expiry date.",
      "zh-Hans":
        "您读取的是在留卡的芯片，但申请中填写的证件种类不同。请将证件种类改为“在留卡”，并重新填写号码和有效期。",
      "zh-Hant":
        "您讀取的是在留卡的晶片，但申請中填寫的證件種類不同。請將證件種類改為「在留卡」，並重新填寫號碼和有效期限。",
      ko: "읽은 IC 칩은 재류카드의 것이지만 신청서의 신분증 종류가 다릅니다. 종류를 ‘재류카드’로 선택하고 번호와 유효기간을 다시 입력해 주세요.",
      vi: "Chip bạn vừa đọc là của thẻ cư trú, nhưng loại giấy tờ trong hồ sơ lại khác. Hãy chọn “thẻ cư trú” rồi nhập lại số và ngày hết hạn.",
    },
  },
  "chip.sod_readable": {
    pass: {
      ja: "ICチップのデータを読み取りました。",
      en: "The data on the IC chip was read.",
      "zh-Hans": "已读取IC芯片中的数据。",
      "zh-Hant": "已讀取IC晶片中的資料。",
      ko: "IC 칩의 데이터를 읽었습니다.",
      vi: "Đã đọc dữ liệu trong chip IC.",
    },
    fail: {
      ja: `ICチップのデータを最後まで読み取れませんでした。${readAgain.ja}`,
      en: `The data on the IC chip could not be read completely. ${readAgain.en}`,
      "zh-Hans": `未能完整读取IC芯片中的数据。${readAgain["zh-Hans"]}`,
      "zh-Hant": `未能完整讀取IC晶片中的資料。${readAgain["zh-Hant"]}`,
      ko: `IC 칩의 데이터를 끝까지 읽지 못했습니다. ${readAgain.ko}`,
      vi: `Không đọc được đầy đủ dữ liệu trong chip IC. ${readAgain.vi}`,
    },
  },
  "chip.data_groups_readable": {
    fail: {
      ja: `ICチップの一部のデータが正しい形式ではありませんでした。${readAgain.ja}`,
      en: `Some data on the IC chip was not in the expected form. ${readAgain.en}`,
      "zh-Hans": `IC芯片中的部分数据格式不正确。${readAgain["zh-Hans"]}`,
      "zh-Hant": `IC晶片中的部分資料格式不正確。${readAgain["zh-Hant"]}`,
      ko: `IC 칩의 일부 데이터 형식이 올바르지 않았습니다. ${readAgain.ko}`,
      vi: `Một phần dữ liệu trong chip IC không đúng định dạng. ${readAgain.vi}`,
    },
  },
  "chip.data_group_hashes": {
    pass: {
      ja: "ICチップのデータは発行後に変更されていません。",
      en: "The data on the IC chip has not been changed since it was issued.",
      "zh-Hans": "IC芯片中的数据自签发以来未被更改。",
      "zh-Hant": "IC晶片中的資料自簽發以來未被更改。",
      ko: "IC 칩의 데이터는 발급 이후 변경되지 않았습니다.",
      vi: "Dữ liệu trong chip IC không bị thay đổi kể từ khi được cấp.",
    },
    fail: {
      ja: "ICチップのデータが発行時のものと一致しませんでした。このお申込みは担当者が確認できません。別の本人確認書類でお申込みください。",
      en: "The data on the IC chip does not match what was issued. We cannot accept this reading: please apply with another identity document.",
      "zh-Hans": "IC芯片中的数据与签发时的数据不一致。我们无法接受此次读取结果，请使用其他身份证件申请。",
      "zh-Hant": "IC晶片中的資料與簽發時的資料不一致。我們無法接受此次讀取結果，請使用其他身分證件申請。",
      ko: "IC 칩의 데이터가 발급 당시의 데이터와 일치하지 않습니다. 이 판독 결과는 받을 수 없으니 다른 신분증으로 신청해 주세요.",
      vi: "Dữ liệu trong chip IC không khớp với dữ liệu lúc cấp. Chúng tôi không thể chấp nhận kết quả đọc này: vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
  },
  "chip.sod_signature": {
    pass: {
      ja: "ICチップのデータには発行機関の正しい電子署名があります。",
      en: "The data on the IC chip carries a valid signature of the issuing authority.",
      "zh-Hans": "IC芯片中的数据带有签发机关的有效电子签名。",
      "zh-Hant": "IC晶片中的資料帶有簽發機關的有效電子簽章。",
      ko: "IC 칩의 데이터에 발급 기관의 유효한 전자서명이 있습니다.",
      vi: "Dữ liệu trong chip IC có chữ ký số hợp lệ của cơ quan cấp.",
    },
    fail: {
      ja: "ICチップのデータの電子署名を確認できませんでした。別の本人確認書類でお申込みください。",
      en: "The signature on the IC chip's data could not be confirmed. Please apply with another identity document.",
      "zh-Hans": "无法确认IC芯片数据的电子签名。请使用其他身份证件申请。",
      "zh-Hant": "無法確認IC晶片資料的電子簽章。請使用其他身分證件申請。",
      ko: "IC 칩 데이터의 전자서명을 확인할 수 없었습니다. 다른 신분증으로 신청해 주세요.",
      vi: "Không xác nhận được chữ ký số trên dữ liệu của chip IC. Vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
  },
  "chip.document_signer_trusted": {
    pass: {
      ja: "署名した機関は、信頼できる発行国の認証局に登録されています。",
      en: "The authority that signed it is certified by a trusted issuing country.",
      "zh-Hans": "签名机关已由可信的签发国家认证。",
      "zh-Hant": "簽章機關已由可信的簽發國家認證。",
      ko: "서명한 기관은 신뢰할 수 있는 발급 국가의 인증을 받았습니다.",
      vi: "Cơ quan ký đã được quốc gia cấp đáng tin cậy chứng nhận.",
    },
    fail: {
      ja: "この書類の発行国の証明書を当社で確認できませんでした。担当者が確認するか、別の本人確認書類でお申込みください。",
      en: "We could not confirm the certificate of the country that issued this document. Please apply with another identity document, or wait for our staff to check it.",
      "zh-Hans": "我们无法确认签发此证件国家的证书。请使用其他身份证件申请，或等待工作人员确认。",
      "zh-Hant": "我們無法確認簽發此證件國家的憑證。請使用其他身分證件申請，或等待工作人員確認。",
      ko: "이 서류를 발급한 국가의 인증서를 확인할 수 없었습니다. 다른 신분증으로 신청하시거나 직원의 확인을 기다려 주세요.",
      vi: "Chúng tôi không xác nhận được chứng thư của quốc gia đã cấp giấy tờ này. Vui lòng đăng ký bằng giấy tờ khác hoặc chờ nhân viên kiểm tra.",
    },
  },
  "chip.document_signer_valid": {
    pass: {
      ja: "署名に使われた証明書は有効期間内です。",
      en: "The certificate used for the signature is within its validity period.",
      "zh-Hans": "签名所用的证书在有效期内。",
      "zh-Hant": "簽章所用的憑證在有效期內。",
      ko: "서명에 사용된 인증서는 유효 기간 내에 있습니다.",
      vi: "Chứng thư dùng để ký còn trong thời hạn hiệu lực.",
    },
    fail: {
      ja: "署名に使われた証明書が有効期間外でした。別の本人確認書類でお申込みください。",
      en: "The certificate used for the signature is outside its validity period. Please apply with another identity document.",
      "zh-Hans": "签名所用的证书不在有效期内。请使用其他身份证件申请。",
      "zh-Hant": "簽章所用的憑證不在有效期內。請使用其他身分證件申請。",
      ko: "서명에 사용된 인증서가 유효 기간을 벗어났습니다. 다른 신분증으로 신청해 주세요.",
      vi: "Chứng thư dùng để ký đã hết hoặc chưa đến thời hạn hiệu lực. Vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
  },
  "chip.document_signer_not_revoked": {
    pass: {
      ja: "署名に使われた証明書は失効していません。",
      en: "The certificate used for the signature has not been revoked.",
      "zh-Hans": "签名所用的证书未被吊销。",
      "zh-Hant": "簽章所用的憑證未被廢止。",
      ko: "서명에 사용된 인증서는 폐지되지 않았습니다.",
      vi: "Chứng thư dùng để ký chưa bị thu hồi.",
    },
    fail: {
      ja: "署名に使われた証明書は発行国により失効されています。別の本人確認書類でお申込みください。",
      en: "The issuing country has revoked the certificate used for the signature. Please apply with another identity document.",
      "zh-Hans": "签发国家已吊销签名所用的证书。请使用其他身份证件申请。",
      "zh-Hant": "簽發國家已廢止簽章所用的憑證。請使用其他身分證件申請。",
      ko: "발급 국가가 서명에 사용된 인증서를 폐지했습니다. 다른 신분증으로 신청해 주세요.",
      vi: "Quốc gia cấp đã thu hồi chứng thư dùng để ký. Vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
  },
};
