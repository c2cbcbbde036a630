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
  "chip.active_authentication": {
    pass: {
      ja: "ICチップは複製ではなく、発行された本物のチップであることを確認しました（チップがない場合や対応していない場合はその旨を記録しています）。",
      en: "The IC chip proved it is the genuine chip, not a copy (where the chip does not offer this, that is recorded).",
      "zh-Hans": "已确认IC芯片是签发的原始芯片而非复制品（芯片不支持此功能时，已记录此情况）。",
      "zh-Hant": "已確認IC晶片是簽發的原始晶片而非複製品（晶片不支援此功能時，已記錄此情況）。",
      ko: "IC 칩이 복제품이 아닌 발급된 실제 칩임을 확인했습니다(칩이 이 기능을 지원하지 않는 경우 그 사실을 기록했습니다).",
      vi: "Chip IC đã chứng minh là chip thật được cấp, không phải bản sao (nếu chip không hỗ trợ, điều đó đã được ghi lại).",
    },
    fail: {
      ja: "ICチップが本物のチップであることを確認できませんでした。別の本人確認書類でお申込みください。",
      en: "The IC chip could not prove it is the genuine chip. Please apply with another identity document.",
      "zh-Hans": "无法确认IC芯片是原始芯片。请使用其他身份证件申请。",
      "zh-Hant": "無法確認IC晶片是原始晶片。請使用其他身分證件申請。",
      ko: "IC 칩이 실제 칩임을 확인할 수 없었습니다. 다른 신분증으로 신청해 주세요.",
      vi: "Không xác nhận được chip IC là chip thật. Vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
    review: {
      ja: "このICチップは複製でないことを証明する機能に対応していないため、担当者が確認します。",
      en: "This IC chip cannot prove it is not a copy, so a member of our staff will check it.",
      "zh-Hans": "此IC芯片不支持证明其并非复制品的功能，工作人员将进行确认。",
      "zh-Hant": "此IC晶片不支援證明其並非複製品的功能，工作人員將進行確認。",
      ko: "이 IC 칩은 복제품이 아님을 증명하는 기능을 지원하지 않으므로 직원이 확인합니다.",
      vi: "Chip IC này không thể chứng minh không phải bản sao, nên nhân viên của chúng tôi sẽ kiểm tra.",
    },
  },
  "chip.active_authentication_challenge": {
    pass: {
      ja: "ICチップは今回の読み取りのために発行した確認コードに応答しました。",
      en: "The IC chip answered the code we issued for this reading.",
      "zh-Hans": "IC芯片已回应我们为本次读取签发的确认码。",
      "zh-Hant": "IC晶片已回應我們為本次讀取簽發的確認碼。",
      ko: "IC 칩이 이번 판독을 위해 발급한 확인 코드에 응답했습니다.",
      vi: "Chip IC đã trả lời mã chúng tôi cấp cho lần đọc này.",
    },
    fail: {
      ja: "ICチップの応答が今回の読み取りのものではないか、期限切れでした。もう一度ICチップを読み取ってください。",
      en: "The chip's answer was not for this reading, or came too late. Read the chip again.",
      "zh-Hans": "芯片的回应不是针对本次读取的，或已超时。请重新读取芯片。",
      "zh-Hant": "晶片的回應不是針對本次讀取的，或已逾時。請重新讀取晶片。",
      ko: "칩의 응답이 이번 판독에 대한 것이 아니거나 시간이 초과되었습니다. 칩을 다시 읽어 주세요.",
      vi: "Câu trả lời của chip không phải cho lần đọc này, hoặc đã quá hạn. Vui lòng đọc lại chip.",
    },
  },
  "chip.chip_authentication": {
    pass: {
      ja: "読み取りアプリの報告では、ICチップのチップ認証は成功しました（当社では検証できない報告として記録しています）。",
      en: "The reading app reports that the chip's Chip Authentication succeeded (recorded as the app's report, which we cannot verify).",
      "zh-Hans": "读取应用报告芯片认证成功（作为应用的报告记录，我们无法验证）。",
      "zh-Hant": "讀取應用程式報告晶片認證成功（作為應用程式的報告記錄，我們無法驗證）。",
      ko: "판독 앱은 칩 인증이 성공했다고 보고했습니다(당사가 검증할 수 없는 앱의 보고로 기록합니다).",
      vi: "Ứng dụng đọc báo cáo xác thực chip đã thành công (được ghi lại như báo cáo của ứng dụng, chúng tôi không thể tự kiểm chứng).",
    },
    fail: {
      ja: "読み取りアプリの報告では、ICチップのチップ認証に失敗しました。別の本人確認書類でお申込みください。",
      en: "The reading app reports that the chip failed Chip Authentication. Please apply with another identity document.",
      "zh-Hans": "读取应用报告芯片认证失败。请使用其他身份证件申请。",
      "zh-Hant": "讀取應用程式報告晶片認證失敗。請使用其他身分證件申請。",
      ko: "판독 앱은 칩 인증이 실패했다고 보고했습니다. 다른 신분증으로 신청해 주세요.",
      vi: "Ứng dụng đọc báo cáo chip không vượt qua xác thực chip. Vui lòng đăng ký bằng giấy tờ tùy thân khác.",
    },
    review: {
      ja: "チップ認証の報告に必要なデータがそろっていないため、担当者が確認します。",
      en: "The Chip Authentication report lacks the data it needs, so a member of our staff will check it.",
      "zh-Hans": "芯片认证的报告缺少所需数据，工作人员将进行确认。",
      "zh-Hant": "晶片認證的報告缺少所需資料，工作人員將進行確認。",
      ko: "칩 인증 보고에 필요한 데이터가 없어 직원이 확인합니다.",
      vi: "Báo cáo xác thực chip thiếu dữ liệu cần thiết, nên nhân viên của chúng tôi sẽ kiểm tra.",
    },
  },
};
