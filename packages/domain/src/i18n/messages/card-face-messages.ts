import type { CheckMessages } from "./check-messages-type.ts";

/**
 * Messages of the My Number card read at a counter (券面事項入力補助AP): the card's signature, which
 * only the counter program can check (it covers the My Number's hash, which goes nowhere) and which is
 * kept as that program's report, and the card's particulars against the form, which the server checks.
 */
export const cardFaceCheckMessages: CheckMessages = {
  "card_face.signature_valid": {
    pass: {
      ja: "店頭の読み取りプログラムの報告では、マイナンバーカードの券面事項の署名は正しいものでした（当社では検証できない報告として記録しています）。",
      en: "The counter's reading program reports that the My Number card's signature over its particulars is valid (recorded as the program's report, which we cannot verify ourselves).",
      "zh-Hans": "店头读取程序报告个人编号卡券面事项的签名有效（作为该程序的报告记录，我们无法自行验证）。",
      "zh-Hant": "店頭讀取程式報告個人編號卡券面事項的簽章有效（作為該程式的報告記錄，我們無法自行驗證）。",
      ko: "매장의 판독 프로그램은 마이넘버 카드 권면 사항의 서명이 유효하다고 보고했습니다(당사가 직접 검증할 수 없는 프로그램의 보고로 기록합니다).",
      vi: "Chương trình đọc tại quầy báo cáo chữ ký trên thông tin của thẻ My Number là hợp lệ (được ghi lại như báo cáo của chương trình, chúng tôi không thể tự kiểm chứng).",
    },
    fail: {
      ja: "店頭の読み取りプログラムの報告では、マイナンバーカードの券面事項の署名が正しくありませんでした。カードをもう一度読み取るか、別の本人確認書類をご提示ください。",
      en: "The counter's reading program reports that the My Number card's signature over its particulars is not valid. Read the card again, or show another identity document.",
      "zh-Hans": "店头读取程序报告个人编号卡券面事项的签名无效。请重新读取该卡，或出示其他身份证件。",
      "zh-Hant": "店頭讀取程式報告個人編號卡券面事項的簽章無效。請重新讀取該卡，或出示其他身分證件。",
      ko: "매장의 판독 프로그램은 마이넘버 카드 권면 사항의 서명이 유효하지 않다고 보고했습니다. 카드를 다시 읽거나 다른 신분증을 제시해 주세요.",
      vi: "Chương trình đọc tại quầy báo cáo chữ ký trên thông tin của thẻ My Number không hợp lệ. Vui lòng đọc lại thẻ hoặc xuất trình giấy tờ tùy thân khác.",
    },
    review: {
      ja: "マイナンバーカードの券面事項は店頭以外で読み取られたため、署名の報告は本人確認に使えません。担当者が確認します。",
      en: "The My Number card's particulars were not read at one of our counters, so the report of its signature cannot be relied on. A member of our staff will check it.",
      "zh-Hans": "个人编号卡的券面事项并非在本公司店头读取，因此其签名报告不能用于身份确认。工作人员将进行确认。",
      "zh-Hant": "個人編號卡的券面事項並非在本公司店頭讀取，因此其簽章報告不能用於身分確認。工作人員將進行確認。",
      ko: "마이넘버 카드의 권면 사항이 당사 매장 밖에서 읽혔으므로 서명 보고를 본인 확인에 쓸 수 없습니다. 담당 직원이 확인합니다.",
      vi: "Thông tin của thẻ My Number không được đọc tại quầy của chúng tôi, nên báo cáo chữ ký không thể dùng để xác minh. Nhân viên của chúng tôi sẽ kiểm tra.",
    },
  },
  "card_face.particulars_match_form": {
    pass: {
      ja: "マイナンバーカードのICチップの氏名・生年月日・性別・住所はお申込み内容と一致しています。",
      en: "The name, date of birth, sex and address on the My Number card's chip match the form.",
      "zh-Hans": "个人编号卡芯片中的姓名、出生日期、性别和地址与申请内容一致。",
      "zh-Hant": "個人編號卡晶片中的姓名、出生日期、性別和地址與申請內容一致。",
      ko: "마이넘버 카드 IC 칩의 성명, 생년월일, 성별, 주소가 신청 내용과 일치합니다.",
      vi: "Họ tên, ngày sinh, giới tính và địa chỉ trong chip của thẻ My Number khớp với thông tin đã điền.",
    },
    fail: {
      ja: "マイナンバーカードのICチップの次の項目がお申込み内容と異なります：{fields}。カードに記載のとおりに入力し直してください。",
      en: "These details on the My Number card's chip differ from the form: {fields}. Please enter them exactly as on the card.",
      "zh-Hans": "个人编号卡芯片中的以下项目与申请内容不同：{fields}。请按照卡上的记载重新填写。",
      "zh-Hant": "個人編號卡晶片中的以下項目與申請內容不同：{fields}。請按照卡上的記載重新填寫。",
      ko: "마이넘버 카드 IC 칩의 다음 항목이 신청 내용과 다릅니다: {fields}. 카드에 적힌 대로 다시 입력해 주세요.",
      vi: "Các thông tin sau trong chip của thẻ My Number khác với thông tin đã điền: {fields}. Vui lòng nhập lại đúng như trên thẻ.",
    },
    review: {
      ja: "マイナンバーカードのICチップの次の項目の表記がお申込み内容と異なります：{fields}。担当者が確認しますので、このままお待ちください。",
      en: "These details on the My Number card's chip are written differently from the form: {fields}. Our staff will check them; you do not need to do anything now.",
      "zh-Hans": "个人编号卡芯片中以下项目的写法与申请内容不同：{fields}。工作人员将进行确认，您目前无需进行任何操作。",
      "zh-Hant": "個人編號卡晶片中以下項目的寫法與申請內容不同：{fields}。工作人員將進行確認，您目前無需進行任何操作。",
      ko: "마이넘버 카드 IC 칩의 다음 항목 표기가 신청 내용과 다릅니다: {fields}. 담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
      vi: "Cách ghi các thông tin sau trong chip của thẻ My Number khác với thông tin đã điền: {fields}. Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
    },
  },
};
