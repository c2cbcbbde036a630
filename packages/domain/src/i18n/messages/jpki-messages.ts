import type { CheckMessages } from "./check-messages-type.ts";

/** Messages of the JPKI checks (the My Number card's signing certificate, 署名用電子証明書). */
const signAgain = {
  ja: "マイナンバーカードの署名用電子証明書（6〜16桁の英数字のパスワード）で、もう一度署名してください。",
  en: "Please sign again with your My Number card's signing certificate (the password of 6 to 16 letters and digits).",
  "zh-Hans": "请使用个人编号卡的签名用电子证书（6至16位字母和数字组成的密码）重新签名。",
  "zh-Hant": "請使用個人編號卡的簽章用電子憑證（6至16位英數字組成的密碼）重新簽章。",
  ko: "마이넘버 카드의 서명용 전자증명서(영문자와 숫자 6~16자리 비밀번호)로 다시 서명해 주세요.",
  vi: "Vui lòng ký lại bằng chứng thư ký số của thẻ My Number (mật khẩu gồm 6 đến 16 chữ cái và chữ số).",
};

export const jpkiCheckMessages: CheckMessages = {
  "jpki.signature_readable": {
    pass: {
      ja: "電子署名を受け取りました。",
      en: "Your electronic signature was received.",
      "zh-Hans": "已收到您的电子签名。",
      "zh-Hant": "已收到您的電子簽章。",
      ko: "전자서명을 받았습니다.",
      vi: "Đã nhận được chữ ký điện tử của bạn.",
    },
    fail: {
      ja: `電子署名のデータを読み取れませんでした。${signAgain.ja}`,
      en: `The signature data could not be read. ${signAgain.en}`,
      "zh-Hans": `无法读取电子签名数据。${signAgain["zh-Hans"]}`,
      "zh-Hant": `無法讀取電子簽章資料。${signAgain["zh-Hant"]}`,
      ko: `전자서명 데이터를 읽을 수 없었습니다. ${signAgain.ko}`,
      vi: `Không đọc được dữ liệu chữ ký. ${signAgain.vi}`,
    },
  },
  "jpki.signed_data_matches": {
    pass: {
      ja: "署名された内容はこのお申込みの内容と一致しています。",
      en: "What was signed is this application.",
      "zh-Hans": "签名的内容与本申请一致。",
      "zh-Hant": "簽章的內容與本申請一致。",
      ko: "서명된 내용이 이 신청 내용과 일치합니다.",
      vi: "Nội dung đã ký khớp với hồ sơ này.",
    },
    fail: {
      ja: `署名された内容がこのお申込みの内容と異なります。入力内容を確定してから、${signAgain.ja}`,
      en: `What was signed differs from this application. Confirm your details, then sign again. ${signAgain.en}`,
      "zh-Hans": `签名的内容与本申请不同。请确认填写内容后重新签名。${signAgain["zh-Hans"]}`,
      "zh-Hant": `簽章的內容與本申請不同。請確認填寫內容後重新簽章。${signAgain["zh-Hant"]}`,
      ko: `서명된 내용이 이 신청 내용과 다릅니다. 입력 내용을 확인한 뒤 다시 서명해 주세요. ${signAgain.ko}`,
      vi: `Nội dung đã ký khác với hồ sơ này. Hãy xác nhận thông tin rồi ký lại. ${signAgain.vi}`,
    },
  },
  "jpki.signature_valid": {
    pass: {
      ja: "電子署名は正しく検証されました。",
      en: "Your electronic signature was verified.",
      "zh-Hans": "您的电子签名已验证通过。",
      "zh-Hant": "您的電子簽章已驗證通過。",
      ko: "전자서명이 정상적으로 검증되었습니다.",
      vi: "Chữ ký điện tử của bạn đã được xác minh.",
    },
    fail: {
      ja: `電子署名を検証できませんでした。${signAgain.ja}`,
      en: `Your electronic signature could not be verified. ${signAgain.en}`,
      "zh-Hans": `无法验证您的电子签名。${signAgain["zh-Hans"]}`,
      "zh-Hant": `無法驗證您的電子簽章。${signAgain["zh-Hant"]}`,
      ko: `전자서명을 검증할 수 없었습니다. ${signAgain.ko}`,
      vi: `Không xác minh được chữ ký điện tử của bạn. ${signAgain.vi}`,
    },
  },
  "jpki.signing_certificate": {
    pass: {
      ja: "署名用電子証明書で署名されています。",
      en: "It was signed with the signing certificate of your card.",
      "zh-Hans": "已使用卡片的签名用电子证书签名。",
      "zh-Hant": "已使用卡片的簽章用電子憑證簽章。",
      ko: "카드의 서명용 전자증명서로 서명되었습니다.",
      vi: "Đã ký bằng chứng thư ký số của thẻ.",
    },
    fail: {
      ja: `利用者証明用電子証明書（4桁の暗証番号）ではなく、署名用電子証明書で署名する必要があります。${signAgain.ja}`,
      en: `It was not signed with the signing certificate: the login certificate (the 4-digit PIN) cannot prove who you are. ${signAgain.en}`,
      "zh-Hans": `签名未使用签名用电子证书：用户认证用证书（4位密码）无法证明您的身份。${signAgain["zh-Hans"]}`,
      "zh-Hant": `簽章未使用簽章用電子憑證：用戶認證用憑證（4位密碼）無法證明您的身分。${signAgain["zh-Hant"]}`,
      ko: `서명용 전자증명서로 서명되지 않았습니다. 이용자 증명용 증명서(4자리 비밀번호)로는 본인임을 증명할 수 없습니다. ${signAgain.ko}`,
      vi: `Chưa ký bằng chứng thư ký số: chứng thư đăng nhập (mã PIN 4 chữ số) không chứng minh được danh tính. ${signAgain.vi}`,
    },
  },
  "jpki.certificate_trusted": {
    pass: {
      ja: "電子証明書は地方公共団体情報システム機構（J-LIS）が発行したものです。",
      en: "The certificate was issued by J-LIS, the authority behind the My Number card.",
      "zh-Hans": "该电子证书由地方公共团体信息系统机构（J-LIS）签发。",
      "zh-Hant": "該電子憑證由地方公共團體資訊系統機構（J-LIS）簽發。",
      ko: "전자증명서는 지방공공단체정보시스템기구(J-LIS)가 발급한 것입니다.",
      vi: "Chứng thư do J-LIS, cơ quan quản lý thẻ My Number, cấp.",
    },
    fail: {
      ja: "この電子証明書はマイナンバーカードのものとして確認できませんでした。マイナンバーカードで署名してください。",
      en: "This certificate could not be confirmed as a My Number card certificate. Please sign with your My Number card.",
      "zh-Hans": "无法确认此电子证书属于个人编号卡。请使用个人编号卡签名。",
      "zh-Hant": "無法確認此電子憑證屬於個人編號卡。請使用個人編號卡簽章。",
      ko: "이 전자증명서가 마이넘버 카드의 것인지 확인할 수 없었습니다. 마이넘버 카드로 서명해 주세요.",
      vi: "Không xác nhận được chứng thư này là của thẻ My Number. Vui lòng ký bằng thẻ My Number.",
    },
  },
  "jpki.certificate_valid": {
    pass: {
      ja: "電子証明書は有効期間内です。",
      en: "The certificate is within its validity period.",
      "zh-Hans": "电子证书在有效期内。",
      "zh-Hant": "電子憑證在有效期內。",
      ko: "전자증명서는 유효 기간 내에 있습니다.",
      vi: "Chứng thư còn trong thời hạn hiệu lực.",
    },
    fail: {
      ja: "電子証明書の有効期限が切れています。市区町村の窓口で電子証明書を更新してから、もう一度お申込みください。",
      en: "The certificate has expired. Renew it at your city office, then apply again.",
      "zh-Hans": "电子证书已过期。请在市区町村窗口更新电子证书后重新申请。",
      "zh-Hant": "電子憑證已過期。請在市區町村窗口更新電子憑證後重新申請。",
      ko: "전자증명서의 유효 기간이 지났습니다. 시구정촌 창구에서 갱신한 뒤 다시 신청해 주세요.",
      vi: "Chứng thư đã hết hạn. Vui lòng gia hạn tại văn phòng hành chính địa phương rồi đăng ký lại.",
    },
  },
  "jpki.certificate_not_revoked": {
    pass: {
      ja: "電子証明書は失効していません。",
      en: "The certificate has not been revoked.",
      "zh-Hans": "电子证书未被吊销。",
      "zh-Hant": "電子憑證未被廢止。",
      ko: "전자증명서는 폐지되지 않았습니다.",
      vi: "Chứng thư chưa bị thu hồi.",
    },
    fail: {
      ja: "電子証明書が失効しています。引っ越しや結婚などで住所・氏名が変わると、署名用電子証明書は自動的に失効します。市区町村の窓口で再発行を受けてから、もう一度お申込みください。",
      en: "The certificate has been revoked. This happens automatically when your address or name changes, for example after a move or marriage. Have it reissued at your city office, then apply again.",
      "zh-Hans":
        "电子证书已被吊销。搬家或结婚等导致地址或姓名变更时，签名用电子证书会自动失效。请在市区町村窗口重新办理后再次申请。",
      "zh-Hant":
        "電子憑證已被廢止。搬家或結婚等導致地址或姓名變更時，簽章用電子憑證會自動失效。請在市區町村窗口重新辦理後再次申請。",
      ko: "전자증명서가 폐지되었습니다. 이사나 결혼 등으로 주소나 성명이 바뀌면 서명용 전자증명서는 자동으로 폐지됩니다. 시구정촌 창구에서 재발급받은 뒤 다시 신청해 주세요.",
      vi: "Chứng thư đã bị thu hồi. Việc này xảy ra tự động khi địa chỉ hoặc họ tên thay đổi, ví dụ sau khi chuyển nhà hay kết hôn. Vui lòng xin cấp lại tại văn phòng hành chính địa phương rồi đăng ký lại.",
    },
    review: {
      ja: "電子証明書の失効状況を今は確認できませんでした。担当者が確認しますので、このままお待ちください。",
      en: "We could not check just now whether the certificate has been revoked. Our staff will check it; you do not need to do anything now.",
      "zh-Hans": "目前无法确认电子证书是否已被吊销。工作人员将进行确认，您目前无需进行任何操作。",
      "zh-Hant": "目前無法確認電子憑證是否已被廢止。工作人員將進行確認，您目前無需進行任何操作。",
      ko: "지금은 전자증명서의 폐지 여부를 확인할 수 없었습니다. 담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Hiện chưa kiểm tra được chứng thư có bị thu hồi hay không. Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
    },
  },
  "jpki.particulars_match_form": {
    pass: {
      ja: "電子証明書の氏名・生年月日・性別・住所はお申込み内容と一致しています。",
      en: "The name, date of birth, sex and address in the certificate match the form.",
      "zh-Hans": "电子证书中的姓名、出生日期、性别和地址与申请内容一致。",
      "zh-Hant": "電子憑證中的姓名、出生日期、性別和地址與申請內容一致。",
      ko: "전자증명서의 성명, 생년월일, 성별, 주소가 신청 내용과 일치합니다.",
      vi: "Họ tên, ngày sinh, giới tính và địa chỉ trong chứng thư khớp với thông tin đã điền.",
    },
    fail: {
      ja: "電子証明書の次の項目がお申込み内容と異なります：{fields}。マイナンバーカードに記載のとおりに入力し直してください。",
      en: "These details in the certificate differ from the form: {fields}. Please enter them exactly as on your My Number card.",
      "zh-Hans": "电子证书中的以下项目与申请内容不同：{fields}。请按照个人编号卡上的记载重新填写。",
      "zh-Hant": "電子憑證中的以下項目與申請內容不同：{fields}。請按照個人編號卡上的記載重新填寫。",
      ko: "전자증명서의 다음 항목이 신청 내용과 다릅니다: {fields}. 마이넘버 카드에 적힌 대로 다시 입력해 주세요.",
      vi: "Các thông tin sau trong chứng thư khác với thông tin đã điền: {fields}. Vui lòng nhập lại đúng như trên thẻ My Number.",
    },
    review: {
      ja: "電子証明書の次の項目の表記がお申込み内容と異なります：{fields}。担当者が確認しますので、このままお待ちください。",
      en: "These details in the certificate are written differently from the form: {fields}. Our staff will check them; you do not need to do anything now.",
      "zh-Hans": "电子证书中以下项目的写法与申请内容不同：{fields}。工作人员将进行确认，您目前无需进行任何操作。",
      "zh-Hant": "電子憑證中以下項目的寫法與申請內容不同：{fields}。工作人員將進行確認，您目前無需進行任何操作。",
      ko: "전자증명서의 다음 항목 표기가 신청 내용과 다릅니다: {fields}. 담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Cách ghi các thông tin sau trong chứng thư khác với thông tin đã điền: {fields}. Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
    },
  },
};
