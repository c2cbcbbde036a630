import type { Translations } from "../languages.ts";

/** Phrases several check messages end with. */
export const staffWillCheck: Translations = {
  ja: "担当者が確認しますので、このままお待ちください。",
  en: "Our staff will check it; you do not need to do anything now.",
  "zh-Hans": "工作人员将进行确认，您目前无需进行任何操作。",
  "zh-Hant": "工作人員將進行確認，您目前無需進行任何操作。",
  ko: "담당 직원이 확인할 예정이니 지금은 따로 하실 일이 없습니다.",
  vi: "Nhân viên của chúng tôi sẽ kiểm tra; hiện bạn không cần làm gì thêm.",
};
