import type { Language, Translations } from "../i18n/languages.ts";

/**
 * What an applicant reads when a registration or voucher code is refused, in every applicant
 * language. Keys are the stable reasons the API also returns.
 */
export const codeRefusalReasons = ["mistyped", "unknown", "already_registered", "void", "throttled"] as const;
export type CodeRefusalReason = (typeof codeRefusalReasons)[number];

const messages: Record<CodeRefusalReason, Translations> = {
  mistyped: {
    ja: "登録コードの入力に誤りがあります。パッケージに印刷されたコードをもう一度確認してください。",
    en: "The registration code has a typing mistake. Please check the code printed on the package.",
    "zh-Hans": "注册码输入有误。请再次核对包装上印刷的注册码。",
    "zh-Hant": "註冊碼輸入有誤。請再次核對包裝上印刷的註冊碼。",
    ko: "등록 코드 입력이 잘못되었습니다. 패키지에 인쇄된 코드를 다시 확인해 주세요.",
    vi: "Mã đăng ký bị nhập sai. Vui lòng kiểm tra lại mã in trên gói.",
  },
  unknown: {
    ja: "この登録コードは見つかりません。パッケージに印刷されたコードを確認してください。",
    en: "We do not know this registration code. Please check the code printed on the package.",
    "zh-Hans": "找不到此注册码。请核对包装上印刷的注册码。",
    "zh-Hant": "找不到此註冊碼。請核對包裝上印刷的註冊碼。",
    ko: "이 등록 코드를 찾을 수 없습니다. 패키지에 인쇄된 코드를 확인해 주세요.",
    vi: "Không tìm thấy mã đăng ký này. Vui lòng kiểm tra mã in trên gói.",
  },
  already_registered: {
    ja: "この登録コードはすでに使用されています。購入した店舗にお問い合わせください。",
    en: "This registration code has already been used. Please ask the shop where you bought it.",
    "zh-Hans": "此注册码已被使用。请联系购买的店铺。",
    "zh-Hant": "此註冊碼已被使用。請聯絡購買的店舖。",
    ko: "이 등록 코드는 이미 사용되었습니다. 구입한 매장에 문의해 주세요.",
    vi: "Mã đăng ký này đã được sử dụng. Vui lòng liên hệ cửa hàng nơi bạn đã mua.",
  },
  void: {
    ja: "このパッケージは無効になっています。購入した店舗にお問い合わせください。",
    en: "This package has been withdrawn. Please ask the shop where you bought it.",
    "zh-Hans": "此套装已被作废。请联系购买的店铺。",
    "zh-Hant": "此套裝已被作廢。請聯絡購買的店舖。",
    ko: "이 패키지는 무효 처리되었습니다. 구입한 매장에 문의해 주세요.",
    vi: "Gói này đã bị vô hiệu. Vui lòng liên hệ cửa hàng nơi bạn đã mua.",
  },
  throttled: {
    ja: "誤ったコードが多すぎます。しばらくしてからもう一度お試しください。",
    en: "Too many wrong codes. Please try again later.",
    "zh-Hans": "错误的代码过多。请稍后再试。",
    "zh-Hant": "錯誤的代碼過多。請稍後再試。",
    ko: "잘못된 코드가 너무 많습니다. 잠시 후 다시 시도해 주세요.",
    vi: "Nhập sai mã quá nhiều lần. Vui lòng thử lại sau.",
  },
};

export function codeRefusalMessage(reason: CodeRefusalReason, language: Language): string {
  return messages[reason][language];
}

/** The line under each label's QR code, in the languages a label has room for. */
export const labelInstructions: Pick<Translations, "ja" | "en" | "zh-Hans"> = {
  ja: "QRコードを読み取るか、このラベルの登録コードを入力して登録してください",
  en: "Scan the QR code, or type the registration code on this label, to register",
  "zh-Hans": "扫描二维码或输入本标签上的注册码进行注册",
};
