import type { LanguageTexts } from "../template.ts";

const particulars = {
  documentNumber: "文件编号",
  date: "日期",
  applicantName: "签约人姓名",
  applicationReference: "申请编号",
  plan: "资费套餐",
  tariff: "费用",
  deposit: "押金（保证金）",
  minimumTerm: "最低使用期限",
  operator: "电信运营商",
};

const tariff = { monthly: "每月{price}（含税）", prepaid: "{price}（{days}天，含税）" };

export const zhHans: LanguageTexts = {
  languageName: "简体中文",
  formats: {
    yen: "{amount}日元",
    date: "{year}年{month}月{day}日",
    thousandsSeparator: ",",
    months: "{count}个月",
    none: "无",
    labelSeparator: "：",
    page: "{page} / {pages}",
  },
  services: { voice: "语音通话", sms: "短信", data: "数据通信" },
  listSeparator: "、",
  terms: {
    deposit: "签约时收取押金{amount}。合同终止时，扣除未付费用后退还。",
    noDeposit: "无需押金。",
    minimumTerm: "自签约日起{months}。",
    noMinimumTerm: "没有最低使用期限。",
    cancellationFee: "在最低使用期限内解约，需支付解约金{fee}（含税）。",
    noCancellationFee: "解约不收取解约金。",
  },
  importantMatters: {
    title: "重要事项说明书",
    intro: "根据《电气通信事业法》第26条，我们在签约前向您说明以下提供条件。请仔细阅读后再申请。",
    particulars,
    tariff,
    sections: {
      operator: {
        heading: "电信运营商",
        body: "{operatorName}\n{operatorAddress}\n登记编号：{registrationNumber}",
      },
      service: {
        heading: "服务内容",
        body: "{planName}（{services}），可在本公司服务区域内使用。通信速度为最大值，可能因网络拥堵或信号状况而下降（尽力而为型服务）。",
      },
      charges: {
        heading: "费用",
        body: "{tariff}。通话费等按量计费的费用按资费表另行收取。",
      },
      deposit: { heading: "押金（保证金）", body: "{deposit}" },
      term: { heading: "最低使用期限", body: "{minimumTerm}" },
      initialCancellation: {
        heading: "初期合同解除制度",
        body: "自收到本文件之日起{initialCancellationDays}天内，您可以书面或电子方式解除合同，无需本公司同意，也不收取解约金。解除前产生的通信费仍需支付。",
      },
      cancellation: {
        heading: "解约",
        body: "您可以随时通过咨询窗口解约。{cancellationFee}",
      },
      identity: {
        heading: "身份确认",
        body: "根据《手机不正当使用防止法》，本公司在签约时确认您的身份，并在合同终止后保存记录3年。未经本公司同意将SIM卡转让给他人是法律所禁止的。",
      },
      personalData: {
        heading: "个人信息的处理",
        body: "本公司按照隐私政策（{operatorUrl}）处理您的个人信息。",
      },
      contact: {
        heading: "咨询窗口",
        body: "{operatorName}　电话 {operatorPhone}（{supportHours}）　{operatorUrl}",
      },
    },
    acknowledgement: "本人已听取上述重要事项的说明，并理解其内容。",
  },
  contract: {
    title: "移动电话服务合同",
    intro: "{operatorName}（以下称“本公司”）与下列签约人按以下条件签订移动电话服务合同。",
    particulars,
    tariff,
    sections: {
      parties: {
        heading: "第1条（当事人）",
        body: "本公司：{operatorName}（{operatorAddress}）\n签约人：上方“签约人姓名”栏所记载者",
      },
      subject: { heading: "第2条（合同内容）", body: "本公司向签约人提供{planName}（{services}）。" },
      charges: { heading: "第3条（费用）", body: "{tariff}。通话费等按量计费的费用以资费表为准。" },
      deposit: { heading: "第4条（押金）", body: "{deposit}" },
      term: { heading: "第5条（最低使用期限）", body: "{minimumTerm}" },
      cancellation: {
        heading: "第6条（解约）",
        body: "签约人可随时解除本合同。{cancellationFee}初期合同解除依照重要事项说明书的规定。",
      },
      obligations: {
        heading: "第7条（签约人的义务）",
        body: "未经本公司同意，签约人不得将SIM卡或eSIM转让或出借给第三方。姓名或地址变更时，应及时通知本公司。",
      },
      identity: {
        heading: "第8条（身份确认）",
        body: "本公司根据《手机不正当使用防止法》确认签约人身份，并在合同终止后保存记录3年。",
      },
      law: {
        heading: "第9条（准据法及管辖）",
        body: "本合同适用日本法律，以东京地方法院为第一审专属合意管辖法院。",
      },
    },
    seal: "本合同已由本公司的电子签名和时间戳封印。",
  },
  receipt: {
    title: "收据",
    intro: "兹收到下列款项。",
    labels: {
      receiptNumber: "收据编号",
      date: "收款日期",
      receivedFrom: "付款人",
      applicationReference: "申请编号",
      paymentId: "支付编号",
      description: "用途",
      amount: "金额",
      issuer: "开具方",
      consumptionTax: "其中消费税（10%税率）",
      invoiceRegistrationNumber: "合格发票登记号码",
    },
    purposes: {
      deposit: "押金（保证金）",
      plan_purchase: "购买预付费套餐“{planName}”",
      monthly_charge: "“{planName}”的月费",
    },
    notTaxable: "不征税（押金）",
    invoiceNumberAbsent: "未登记（本收据不是合格发票）",
    taxNote: "费用含消费税。押金不属于消费税征收对象。",
  },
};
