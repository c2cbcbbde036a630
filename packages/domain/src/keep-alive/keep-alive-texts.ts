import { interpolate, type Language, type Translations } from "../i18n/languages.ts";

/**
 * What a prepaid subscriber reads, by mail and SMS, in their language: reminders before validity ends
 * and notices when the line moves to receive-only or suspended. Placeholders: {msisdn}, {date} (a
 * calendar day in Japan), {days}, {terminatesOn}.
 */
export type KeepAliveNotice = "reminder" | "receive_only" | "suspended";

const subjects: Record<KeepAliveNotice, Translations> = {
  reminder: {
    ja: "{msisdn} の有効期限まであと {days} 日です",
    en: "Your line {msisdn} expires in {days} days",
    "zh-Hans": "线路 {msisdn} 将在 {days} 天后到期",
    "zh-Hant": "線路 {msisdn} 將在 {days} 天後到期",
    ko: "{msisdn} 회선의 유효기간이 {days}일 남았습니다",
    vi: "Thuê bao {msisdn} của bạn sẽ hết hạn sau {days} ngày",
  },
  receive_only: {
    ja: "{msisdn} は着信専用になりました",
    en: "Your line {msisdn} can now only receive",
    "zh-Hans": "线路 {msisdn} 已变为仅接听",
    "zh-Hant": "線路 {msisdn} 已變為僅接聽",
    ko: "{msisdn} 회선이 수신 전용으로 바뀌었습니다",
    vi: "Thuê bao {msisdn} của bạn giờ chỉ nhận cuộc gọi và tin nhắn",
  },
  suspended: {
    ja: "{msisdn} の利用を停止しました",
    en: "Your line {msisdn} is suspended",
    "zh-Hans": "线路 {msisdn} 已被暂停使用",
    "zh-Hant": "線路 {msisdn} 已被暫停使用",
    ko: "{msisdn} 회선의 이용이 정지되었습니다",
    vi: "Thuê bao {msisdn} của bạn đã bị tạm ngưng",
  },
};

const bodies: Record<KeepAliveNotice, Translations> = {
  reminder: {
    ja: "{msisdn} の有効期限は {date} です。期限までにチャージすると、この番号を引き続きご利用いただけます。チャージがない場合、{terminatesOn} にご契約が終了し、番号はご利用いただけなくなります。",
    en: "Your line {msisdn} is valid until {date}. Top it up before then to keep the number. Without a top-up, the contract ends on {terminatesOn} and the number is no longer yours.",
    "zh-Hans":
      "线路 {msisdn} 的有效期至 {date}。请在此之前充值以保留该号码。如不充值，合同将于 {terminatesOn} 终止，该号码将不再归您使用。",
    "zh-Hant":
      "線路 {msisdn} 的有效期限至 {date}。請在此之前儲值以保留該號碼。如未儲值，合約將於 {terminatesOn} 終止，該號碼將不再歸您使用。",
    ko: "{msisdn} 회선의 유효기간은 {date}까지입니다. 그 전에 충전하시면 번호를 계속 사용하실 수 있습니다. 충전하지 않으시면 {terminatesOn}에 계약이 종료되고 번호를 더 이상 사용하실 수 없습니다.",
    vi: "Thuê bao {msisdn} của bạn còn hạn đến ngày {date}. Hãy nạp tiền trước ngày đó để giữ số. Nếu không nạp tiền, hợp đồng sẽ chấm dứt vào ngày {terminatesOn} và số này không còn là của bạn.",
  },
  receive_only: {
    ja: "{msisdn} の有効期限が {date} に切れたため、着信のみご利用いただけます。チャージすると元どおりご利用いただけます。チャージがない場合、{terminatesOn} にご契約が終了します。",
    en: "The validity of your line {msisdn} ended on {date}: it can now only receive calls and messages. A top-up brings it back. Without one, the contract ends on {terminatesOn}.",
    "zh-Hans":
      "线路 {msisdn} 的有效期已于 {date} 结束，现在只能接听电话和接收短信。充值后即可恢复。如不充值，合同将于 {terminatesOn} 终止。",
    "zh-Hant":
      "線路 {msisdn} 的有效期限已於 {date} 結束，現在只能接聽電話和接收簡訊。儲值後即可恢復。如未儲值，合約將於 {terminatesOn} 終止。",
    ko: "{msisdn} 회선의 유효기간이 {date}에 끝나 이제 전화와 문자 수신만 가능합니다. 충전하시면 다시 이용하실 수 있습니다. 충전하지 않으시면 {terminatesOn}에 계약이 종료됩니다.",
    vi: "Hạn dùng của thuê bao {msisdn} đã hết vào ngày {date}: giờ chỉ nhận được cuộc gọi và tin nhắn. Nạp tiền để dùng lại. Nếu không, hợp đồng sẽ chấm dứt vào ngày {terminatesOn}.",
  },
  suspended: {
    ja: "{msisdn} はチャージがないため {date} から利用停止中です。チャージすると元どおりご利用いただけます。チャージがない場合、{terminatesOn} にご契約が終了します。",
    en: "Your line {msisdn} has been suspended since {date} because it was not topped up. A top-up brings it back. Without one, the contract ends on {terminatesOn}.",
    "zh-Hans": "线路 {msisdn} 因未充值已自 {date} 起暂停使用。充值后即可恢复。如不充值，合同将于 {terminatesOn} 终止。",
    "zh-Hant": "線路 {msisdn} 因未儲值已自 {date} 起暫停使用。儲值後即可恢復。如未儲值，合約將於 {terminatesOn} 終止。",
    ko: "{msisdn} 회선은 충전이 없어 {date}부터 이용이 정지되었습니다. 충전하시면 다시 이용하실 수 있습니다. 충전하지 않으시면 {terminatesOn}에 계약이 종료됩니다.",
    vi: "Thuê bao {msisdn} của bạn bị tạm ngưng từ ngày {date} vì chưa được nạp tiền. Nạp tiền để dùng lại. Nếu không, hợp đồng sẽ chấm dứt vào ngày {terminatesOn}.",
  },
};

export function keepAliveNoticeText(
  notice: KeepAliveNotice,
  language: Language,
  params: { msisdn: string; date: string; days?: number; terminatesOn: string },
): { subject: string; text: string } {
  const values = { ...params, days: params.days ?? 0 };
  return {
    subject: interpolate(subjects[notice][language], values),
    text: interpolate(bodies[notice][language], values),
  };
}
