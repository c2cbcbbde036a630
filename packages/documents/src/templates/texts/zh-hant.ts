import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "文件編號",
  date: "日期",
  applicantName: "簽約人姓名",
  applicationReference: "申請編號",
  plan: "資費方案",
  tariff: "費用",
  deposit: "押金（保證金）",
  minimumTerm: "最低使用期限",
  operator: "電信業者",
};

const tariff = { monthly: "每月{price}（含稅）", prepaid: "{price}（{days}天，含稅）" };

export const zhHant: LanguageTexts = {
  languageName: "繁體中文",
  formats: {
    yen: "{amount}日圓",
    date: "{year}年{month}月{day}日",
    thousandsSeparator: ",",
    months: "{count}個月",
    none: "無",
    labelSeparator: "：",
    page: "{page} / {pages}",
  },
  services: { voice: "語音通話", sms: "簡訊", data: "數據通訊" },
  listSeparator: "、",
  terms: {
    deposit: "簽約時收取押金{amount}。契約終止時，扣除未付費用後退還。",
    noDeposit: "無需押金。",
    minimumTerm: "自簽約日起{months}。",
    noMinimumTerm: "沒有最低使用期限。",
    cancellationFee: "於最低使用期限內解約，需支付解約金{fee}（含稅）。",
    noCancellationFee: "解約不收取解約金。",
  },
  importantMatters: {
    title: "重要事項說明書",
    intro: "依據《電氣通信事業法》第26條，本公司於簽約前向您說明以下提供條件。請詳細閱讀後再申請。",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "電信業者",
        body: "{operatorName}\n{operatorAddress}\n登記編號：{registrationNumber}",
      },
      service: {
        heading: "服務內容",
        body: "{planName}（{services}），可於本公司服務區域內使用。通訊速度為最大值，可能因網路壅塞或訊號狀況而降低（盡力而為型服務）。",
      },
      charges: {
        heading: "費用",
        body: "{tariff}。通話費等依用量計費的費用依資費表另行收取。",
      },
      deposit: { heading: "押金（保證金）", body: "{deposit}" },
      term: { heading: "最低使用期限", body: "{minimumTerm}" },
      initialCancellation: {
        heading: "初期契約解除制度",
        body: "自收到本文件之日起{initialCancellationDays}天內，您可以書面或電子方式解除契約，無需本公司同意，亦不收取解約金。解除前產生的通訊費仍需支付。",
      },
      cancellation: {
        heading: "解約",
        body: "您可以隨時透過客服窗口解約。{cancellationFee}",
      },
      identity: {
        heading: "身分確認",
        body: "依據《行動電話不當使用防止法》，本公司於簽約時確認您的身分，並於契約終止後保存紀錄3年。未經本公司同意將SIM卡轉讓給他人為法律所禁止。",
      },
      personalData: {
        heading: "個人資料的處理",
        body: "本公司依照隱私權政策（{operatorUrl}）處理您的個人資料。",
      },
      contact: {
        heading: "客服窗口",
        body: "{operatorName}　電話 {operatorPhone}（{supportHours}）　{operatorUrl}",
      },
    },
    acknowledgement: "本人已聽取上述重要事項的說明，並理解其內容。",
  },
  contract: {
    title: "行動電話服務契約書",
    intro: "{operatorName}（以下稱「本公司」）與下列簽約人依以下條件簽訂行動電話服務契約。",
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "第1條（當事人）",
        body: "本公司：{operatorName}（{operatorAddress}）\n簽約人：上方「簽約人姓名」欄所記載者",
      },
      subject: { heading: "第2條（契約內容）", body: "本公司向簽約人提供{planName}（{services}）。" },
      charges: { heading: "第3條（費用）", body: "{tariff}。通話費等依用量計費的費用以資費表為準。" },
      deposit: { heading: "第4條（押金）", body: "{deposit}" },
      term: { heading: "第5條（最低使用期限）", body: "{minimumTerm}" },
      cancellation: {
        heading: "第6條（解約）",
        body: "簽約人得隨時解除本契約。{cancellationFee}初期契約解除依重要事項說明書之規定。",
      },
      obligations: {
        heading: "第7條（簽約人的義務）",
        body: "未經本公司同意，簽約人不得將SIM卡或eSIM轉讓或出借給第三人。姓名或地址變更時，應儘速通知本公司。",
      },
      identity: {
        heading: "第8條（身分確認）",
        body: "本公司依據《行動電話不當使用防止法》確認簽約人身分，並於契約終止後保存紀錄3年。",
      },
      law: {
        heading: "第9條（準據法及管轄）",
        body: "本契約適用日本法律，以東京地方法院為第一審專屬合意管轄法院。",
      },
    },
    seal: "本契約書已由本公司的電子簽章及時間戳記封印。",
  },
  receipt: {
    title: "收據",
    intro: "茲收到下列款項。",
    labels: {
      receiptNumber: "收據編號",
      date: "收款日期",
      receivedFrom: "付款人",
      applicationReference: "申請編號",
      paymentId: "付款編號",
      description: "用途",
      amount: "金額",
      issuer: "開立者",
      consumptionTax: "其中消費稅（10%稅率）",
      invoiceRegistrationNumber: "合格發票登記號碼",
    },
    purposes: {
      deposit: "押金（保證金）",
      plan_purchase: "購買預付方案「{planName}」",
      monthly_charge: "「{planName}」的月費",
    },
    notTaxable: "不課稅（保證金）",
    invoiceNumberAbsent: "未登記（本收據不是合格發票）",
    taxNote: "費用含消費稅。押金不屬於消費稅課稅對象。",
  },
};
