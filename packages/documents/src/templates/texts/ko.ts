import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "문서 번호",
  date: "날짜",
  applicantName: "계약자 성명",
  applicationReference: "신청 번호",
  plan: "요금제",
  tariff: "요금",
  deposit: "보증금",
  minimumTerm: "최소 이용 기간",
  operator: "전기통신사업자",
};

const tariff = { monthly: "월 {price}(세금 포함)", prepaid: "{price}({days}일, 세금 포함)" };

export const ko: LanguageTexts = {
  languageName: "한국어",
  formats: {
    yen: "{amount}엔",
    date: "{year}년 {month}월 {day}일",
    thousandsSeparator: ",",
    months: "{count}개월",
    none: "없음",
    labelSeparator: ": ",
    page: "{page} / {pages}",
  },
  services: { voice: "음성 통화", sms: "SMS", data: "데이터 통신" },
  listSeparator: ", ",
  terms: {
    deposit: "계약 시 보증금 {amount}을 받습니다. 계약이 끝나면 미납 요금을 뺀 금액을 돌려드립니다.",
    noDeposit: "보증금은 없습니다.",
    minimumTerm: "계약일로부터 {months}입니다.",
    noMinimumTerm: "최소 이용 기간은 없습니다.",
    cancellationFee: "최소 이용 기간 내에 해지하면 해지 위약금 {fee}(세금 포함)이 부과됩니다.",
    noCancellationFee: "해지 위약금은 없습니다.",
  },
  importantMatters: {
    title: "중요사항 설명서",
    intro:
      "전기통신사업법 제26조에 따라 계약 전에 다음 제공 조건을 설명해 드립니다. 내용을 잘 읽으신 후 신청해 주세요.",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "전기통신사업자",
        body: "{operatorName}\n{operatorAddress}\n등록 번호: {registrationNumber}",
      },
      service: {
        heading: "서비스 내용",
        body: "{planName}({services}). 당사 서비스 지역 내에서 이용할 수 있습니다. 통신 속도는 최대치이며, 혼잡이나 전파 상황에 따라 느려질 수 있습니다(베스트 에포트).",
      },
      charges: {
        heading: "요금",
        body: "{tariff}. 통화료 등 요금표에 정한 종량 요금은 별도로 부과됩니다.",
      },
      deposit: { heading: "보증금", body: "{deposit}" },
      term: { heading: "최소 이용 기간", body: "{minimumTerm}" },
      initialCancellation: {
        heading: "초기 계약 해제 제도",
        body: "이 서면을 받은 날부터 {initialCancellationDays}일이 지나기 전까지는 서면 또는 전자적 방법으로 당사의 동의 없이 계약을 해제할 수 있으며, 해지 위약금은 없습니다. 해제 전까지의 통신료는 내셔야 합니다.",
      },
      cancellation: {
        heading: "해지",
        body: "언제든지 고객 창구를 통해 해지할 수 있습니다. {cancellationFee}",
      },
      identity: {
        heading: "본인 확인",
        body: "휴대전화 부정이용 방지법에 따라 계약 시 본인 확인을 하고, 그 기록을 계약 종료 후 3년간 보관합니다. 당사의 동의 없이 SIM 카드를 타인에게 양도하는 것은 법으로 금지되어 있습니다.",
      },
      personalData: {
        heading: "개인정보 처리",
        body: "맡기신 개인정보는 당사의 개인정보 처리방침({operatorUrl})에 따라 처리합니다.",
      },
      contact: {
        heading: "고객 창구",
        body: "{operatorName}  전화 {operatorPhone}({supportHours})  {operatorUrl}",
      },
    },
    acknowledgement: "본인은 위 중요사항에 대한 설명을 듣고 그 내용을 이해했습니다.",
  },
  contract: {
    title: "휴대전화 서비스 계약서",
    intro: "{operatorName}(이하 '당사')와 아래 계약자는 다음 조건으로 휴대전화 서비스 계약을 체결합니다.",
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "제1조(당사자)",
        body: "당사: {operatorName}({operatorAddress})\n계약자: 위 '계약자 성명' 란에 기재된 사람",
      },
      subject: { heading: "제2조(계약 내용)", body: "당사는 계약자에게 {planName}({services})을 제공합니다." },
      charges: { heading: "제3조(요금)", body: "{tariff}. 통화료 등 종량 요금은 요금표에 따릅니다." },
      deposit: { heading: "제4조(보증금)", body: "{deposit}" },
      term: { heading: "제5조(최소 이용 기간)", body: "{minimumTerm}" },
      cancellation: {
        heading: "제6조(해지)",
        body: "계약자는 언제든지 이 계약을 해지할 수 있습니다. {cancellationFee} 초기 계약 해제는 중요사항 설명서에 따릅니다.",
      },
      obligations: {
        heading: "제7조(계약자의 의무)",
        body: "계약자는 당사의 동의 없이 SIM 카드 또는 eSIM을 제3자에게 양도하거나 대여해서는 안 됩니다. 성명 또는 주소가 바뀐 경우 신속히 당사에 알려야 합니다.",
      },
      identity: {
        heading: "제8조(본인 확인)",
        body: "당사는 휴대전화 부정이용 방지법에 따라 계약자의 본인 확인을 하고, 그 기록을 계약 종료 후 3년간 보관합니다.",
      },
      law: {
        heading: "제9조(준거법 및 관할)",
        body: "이 계약은 일본법에 따르며, 도쿄지방재판소를 제1심 전속적 합의 관할 법원으로 합니다.",
      },
    },
    seal: "이 계약서는 당사의 전자서명과 타임스탬프로 봉인되어 있습니다.",
  },
  receipt: {
    title: "영수증",
    intro: "아래 금액을 정히 영수하였습니다.",
    labels: {
      receiptNumber: "영수증 번호",
      date: "영수일",
      receivedFrom: "지불인",
      applicationReference: "신청 번호",
      paymentId: "결제 번호",
      description: "내역",
      amount: "금액",
      issuer: "발행자",
      consumptionTax: "그중 소비세(10% 대상)",
      invoiceRegistrationNumber: "적격청구서 등록번호",
    },
    purposes: {
      deposit: "보증금",
      plan_purchase: "선불 요금제 '{planName}' 구입 대금",
      monthly_charge: "'{planName}' 월 요금",
    },
    notTaxable: "대상 외(보증금)",
    invoiceNumberAbsent: "미등록(이 영수증은 적격청구서가 아닙니다)",
    taxNote: "요금은 소비세 포함입니다. 보증금은 소비세 대상이 아닙니다.",
  },
};
