import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "文書番号",
  date: "日付",
  applicantName: "契約者氏名",
  applicationReference: "申込番号",
  plan: "料金プラン",
  tariff: "料金",
  deposit: "預り金（保証金）",
  minimumTerm: "最低利用期間",
  operator: "電気通信事業者",
};

const tariff = { monthly: "月額{price}（税込）", prepaid: "{price}（{days}日間・税込）" };

export const ja: LanguageTexts = {
  languageName: "日本語",
  formats: {
    yen: "{amount}円",
    date: "{year}年{month}月{day}日",
    thousandsSeparator: ",",
    months: "{count}か月",
    none: "なし",
    labelSeparator: "：",
    page: "{page} / {pages}",
  },
  services: { voice: "音声通話", sms: "SMS", data: "データ通信" },
  listSeparator: "・",
  terms: {
    deposit: "契約の際に{amount}をお預かりします。契約が終了したときに、未払いの料金を差し引いて返金します。",
    noDeposit: "預り金はありません。",
    minimumTerm: "契約日から{months}です。",
    noMinimumTerm: "最低利用期間はありません。",
    cancellationFee: "最低利用期間内に解約する場合は、解約金{fee}（税込）が掛かります。",
    noCancellationFee: "解約金は掛かりません。",
  },
  importantMatters: {
    title: "重要事項説明書",
    intro:
      "電気通信事業法第26条に基づき、ご契約の前に、次の提供条件をご説明します。内容をよくお読みのうえ、お申し込みください。",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "電気通信事業者",
        body: "{operatorName}\n{operatorAddress}\n登録番号：{registrationNumber}",
      },
      service: {
        heading: "サービスの内容",
        body: "{planName}（{services}）。当社の提供区域内で利用できます。通信速度は最大値であり、混雑や電波の状況により低下することがあります（ベストエフォート）。",
      },
      charges: {
        heading: "料金",
        body: "{tariff}。通話料など、料金表に定める従量料金は別に掛かります。",
      },
      deposit: {
        heading: "預り金（保証金）",
        body: "{deposit}",
      },
      term: {
        heading: "最低利用期間",
        body: "{minimumTerm}",
      },
      initialCancellation: {
        heading: "初期契約解除制度",
        body: "この書面を受け取った日から起算して{initialCancellationDays}日を経過するまでは、書面または電磁的方法により、当社の合意なく契約を解除できます。この場合、解約金は掛かりません。解除までの通信料はお支払いいただきます。",
      },
      cancellation: {
        heading: "解約",
        body: "いつでもお問い合わせ窓口から解約できます。{cancellationFee}",
      },
      identity: {
        heading: "本人確認",
        body: "携帯電話不正利用防止法に基づき、契約の際に本人確認を行い、その記録を契約終了後3年間保存します。SIMカードを当社に無断で他人に譲渡することは、法律で禁じられています。",
      },
      personalData: {
        heading: "個人情報の取扱い",
        body: "お預かりした個人情報は、当社のプライバシーポリシー（{operatorUrl}）に従って取り扱います。",
      },
      contact: {
        heading: "お問い合わせ窓口",
        body: "{operatorName}　電話 {operatorPhone}（{supportHours}）　{operatorUrl}",
      },
    },
    acknowledgement: "私は、上記の重要事項について説明を受け、その内容を理解しました。",
  },
  contract: {
    title: "携帯電話サービス契約書",
    intro: "{operatorName}（以下「当社」）と下記の契約者は、次の条件により携帯電話サービス契約を締結します。",
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "第1条（当事者）",
        body: "当社：{operatorName}（{operatorAddress}）\n契約者：上記「契約者氏名」欄に記載の者",
      },
      subject: {
        heading: "第2条（契約の内容）",
        body: "当社は、契約者に{planName}（{services}）を提供します。",
      },
      charges: {
        heading: "第3条（料金）",
        body: "{tariff}。通話料などの従量料金は料金表によります。",
      },
      deposit: {
        heading: "第4条（預り金）",
        body: "{deposit}",
      },
      term: {
        heading: "第5条（最低利用期間）",
        body: "{minimumTerm}",
      },
      cancellation: {
        heading: "第6条（解約）",
        body: "契約者は、いつでもこの契約を解約できます。{cancellationFee}初期契約解除については、重要事項説明書のとおりとします。",
      },
      obligations: {
        heading: "第7条（契約者の義務）",
        body: "契約者は、SIMカードまたはeSIMを当社に無断で第三者に譲渡し、または貸与してはなりません。氏名または住所に変更があったときは、速やかに当社に届け出るものとします。",
      },
      identity: {
        heading: "第8条（本人確認）",
        body: "当社は、携帯電話不正利用防止法に基づき契約者の本人確認を行い、その記録を契約終了後3年間保存します。",
      },
      law: {
        heading: "第9条（準拠法・管轄）",
        body: "この契約は日本法に準拠し、東京地方裁判所を第一審の専属的合意管轄裁判所とします。",
      },
    },
    seal: "この契約書は、当社の電子署名とタイムスタンプにより封印されています。",
  },
  receipt: {
    title: "領収書",
    intro: "下記の金額を正に領収いたしました。",
    labels: {
      receiptNumber: "領収書番号",
      date: "領収日",
      receivedFrom: "お支払者",
      applicationReference: "申込番号",
      paymentId: "決済番号",
      description: "但し書き",
      amount: "金額",
      issuer: "発行者",
      consumptionTax: "うち消費税（10%対象）",
      invoiceRegistrationNumber: "登録番号",
    },
    purposes: {
      deposit: "預り金（保証金）として",
      plan_purchase: "プリペイドプラン「{planName}」のご購入代金として",
      monthly_charge: "「{planName}」の月額料金として",
    },
    notTaxable: "対象外（預り金）",
    invoiceNumberAbsent: "未登録（この領収書は適格請求書ではありません）",
    taxNote: "料金は消費税込みです。預り金は消費税の対象外です。",
  },
};
