import type { Translations } from "../i18n/languages.ts";
import { type KeepAliveRules, keepAliveRuleSets } from "../keep-alive/keep-alive.ts";

export type Service = "voice" | "sms" | "data";
export type FormFactor = "physical" | "esim";
export type PlanKind = "prepaid" | "postpaid";

/** A plan as the operator sells it. Plans live in the database; `demoPlans` seeds a new install. */
export type Plan = {
  id: string;
  kind: PlanKind;
  name: Translations;
  services: readonly Service[];
  formFactors: readonly FormFactor[];
  /** Price in yen including tax: per purchase for prepaid, per month for postpaid. */
  priceJpy: number;
  /** Prepaid: days the purchase's allowance (data, calls) lasts. */
  validityDays: number | null;
  dataGb: number | null;
  /** Postpaid: the minimum contract term in months (0 = none). */
  minimumTermMonths: number | null;
  /**
   * Prepaid: how the line is kept between top-ups (保号): validity per top-up, its maximum, the
   * receive-only and suspended periods before termination, reminders. Null: the line's validity only
   * moves by the plan's days and nothing ends it.
   */
  keepAlive: KeepAliveRules | null;
};

/**
 * Whether the Mobile Phone Improper Use Prevention Act (携帯電話不正利用防止法) covers the plan: voice
 * services are covered; data-only services (SMS-capable included) are not, today (LAW.md, Scope).
 */
export function isCoveredByLaw(plan: Pick<Plan, "services">): boolean {
  return plan.services.includes("voice");
}

export const demoPlans: readonly Plan[] = [
  {
    id: "prepaid-voice-sim",
    kind: "prepaid",
    name: {
      ja: "プリペイド音声SIM 30日",
      en: "Prepaid voice SIM, 30 days",
      "zh-Hans": "预付费语音SIM卡 30天",
      "zh-Hant": "預付語音SIM卡 30天",
      ko: "선불 음성 SIM 30일",
      vi: "SIM thoại trả trước 30 ngày",
    },
    services: ["voice", "sms", "data"],
    formFactors: ["physical"],
    priceJpy: 3300,
    validityDays: 30,
    dataGb: 5,
    minimumTermMonths: null,
    keepAlive: keepAliveRuleSets.receiveOnlyAfterExpiry,
  },
  {
    id: "prepaid-data-esim",
    kind: "prepaid",
    name: {
      ja: "プリペイドデータeSIM 15日 10GB",
      en: "Prepaid data eSIM, 15 days, 10 GB",
      "zh-Hans": "预付费数据eSIM 15天 10GB",
      "zh-Hant": "預付數據eSIM 15天 10GB",
      ko: "선불 데이터 eSIM 15일 10GB",
      vi: "eSIM dữ liệu trả trước 15 ngày 10 GB",
    },
    services: ["data"],
    formFactors: ["esim"],
    priceJpy: 2200,
    validityDays: 15,
    dataGb: 10,
    minimumTermMonths: null,
    keepAlive: keepAliveRuleSets.suspendAfter180Days,
  },
  {
    id: "postpaid-voice",
    kind: "postpaid",
    name: {
      ja: "音声通話プラン 20GB",
      en: "Voice plan, 20 GB a month",
      "zh-Hans": "语音通话套餐 每月20GB",
      "zh-Hant": "語音通話方案 每月20GB",
      ko: "음성 요금제 월 20GB",
      vi: "Gói thoại 20 GB mỗi tháng",
    },
    services: ["voice", "sms", "data"],
    formFactors: ["physical", "esim"],
    priceJpy: 2970,
    validityDays: null,
    dataGb: 20,
    minimumTermMonths: 12,
    keepAlive: null,
  },
];

/**
 * Days of validity one top-up of a prepaid plan adds to the line: its keep-alive rules' figure, or
 * the plan's own days when it has none. Null for postpaid plans.
 */
export function daysPerTopUp(plan: Pick<Plan, "kind" | "validityDays" | "keepAlive">): number | null {
  if (plan.kind !== "prepaid") return null;
  return plan.keepAlive?.validityPerTopUpDays ?? plan.validityDays;
}
