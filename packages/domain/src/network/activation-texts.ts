import type { Translations } from "../i18n/languages.ts";

/**
 * What the applicant is told when an activation failed and was rolled back (the line given back, a new
 * one reserved): the API's `explanation` of `activation_failed`, by the line's form factor.
 */
export const activationFailedTexts: Record<"esim" | "physical", Translations> = {
  esim: {
    ja: "回線を開通できませんでした。開通の手続きはすべて取り消し、料金は発生していません。新しいeSIMをご用意しますので、準備ができたらお知らせするメールのとおり、お申込み状況のページに表示される新しいQRコードでインストールしてから開通してください。前のeSIMをインストール済みの場合は、端末の設定から削除してください（使えません）。",
    en: "Your line could not be switched on. Everything was undone and nothing was charged for it. We are preparing a new eSIM: when our e-mail says it is ready, install it with the new QR code on your status page, then activate. If you installed the earlier eSIM, delete it in your phone's settings (it will not work).",
    "zh-Hans":
      "您的线路未能开通。所有开通操作均已撤销，不会产生任何费用。我们正在为您准备新的 eSIM：收到准备完成的邮件后，请用申请进度页面上的新二维码安装，然后再开通。如果您已安装之前的 eSIM，请在手机设置中将其删除（它将无法使用）。",
    "zh-Hant":
      "您的門號未能開通。所有開通操作均已撤銷，不會產生任何費用。我們正在為您準備新的 eSIM：收到準備完成的電子郵件後，請用申請進度頁面上的新 QR 碼安裝，然後再開通。如果您已安裝先前的 eSIM，請在手機設定中將其刪除（它將無法使用）。",
    ko: "회선을 개통하지 못했습니다. 개통 절차는 모두 취소되었으며 요금은 발생하지 않았습니다. 새 eSIM을 준비하고 있으니, 준비 완료 메일을 받으시면 진행 상황 페이지의 새 QR 코드로 설치한 후 개통해 주세요. 이전 eSIM을 이미 설치하셨다면 휴대폰 설정에서 삭제해 주세요(사용할 수 없습니다).",
    vi: "Không thể kích hoạt thuê bao của bạn. Mọi thao tác đã được hủy và bạn không bị tính phí. Chúng tôi đang chuẩn bị eSIM mới: khi nhận được email báo đã sẵn sàng, hãy cài đặt bằng mã QR mới trên trang tình trạng hồ sơ rồi kích hoạt. Nếu bạn đã cài eSIM trước đó, hãy xóa nó trong phần cài đặt điện thoại (eSIM đó không dùng được nữa).",
  },
  physical: {
    ja: "回線を開通できませんでした。開通の手続きはすべて取り消し、料金は発生していません。お手元のSIMカードは使えなくなりましたので、破棄してください。新しいSIMカードをお送りします（発送したらメールでお知らせします）。届いたら、お申込み状況のページの手順で開通してください。",
    en: "Your line could not be switched on. Everything was undone and nothing was charged for it. The SIM card you have will no longer work: please destroy it. We will send you a new SIM card (we e-mail you when it is posted); when it arrives, activate it by following the steps on your status page.",
    "zh-Hans":
      "您的线路未能开通。所有开通操作均已撤销，不会产生任何费用。您手中的 SIM 卡将无法使用，请将其销毁。我们会为您寄送新的 SIM 卡（寄出时会通过邮件通知您），收到后请按照申请进度页面上的步骤开通。",
    "zh-Hant":
      "您的門號未能開通。所有開通操作均已撤銷，不會產生任何費用。您手上的 SIM 卡將無法使用，請將其銷毀。我們會為您寄送新的 SIM 卡（寄出時會以電子郵件通知您），收到後請依照申請進度頁面上的步驟開通。",
    ko: "회선을 개통하지 못했습니다. 개통 절차는 모두 취소되었으며 요금은 발생하지 않았습니다. 가지고 계신 SIM 카드는 더 이상 사용할 수 없으니 폐기해 주세요. 새 SIM 카드를 보내 드리며(발송 시 이메일로 알려 드립니다), 받으시면 진행 상황 페이지의 안내에 따라 개통해 주세요.",
    vi: "Không thể kích hoạt thuê bao của bạn. Mọi thao tác đã được hủy và bạn không bị tính phí. Thẻ SIM bạn đang có sẽ không dùng được nữa: vui lòng hủy bỏ thẻ. Chúng tôi sẽ gửi cho bạn thẻ SIM mới (sẽ báo qua email khi gửi đi); khi nhận được, hãy kích hoạt theo hướng dẫn trên trang tình trạng hồ sơ.",
  },
};
