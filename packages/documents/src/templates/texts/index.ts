import type { Texts } from "../template.ts";
import { en } from "./en.ts";
import { ja } from "./ja.ts";
import { ko } from "./ko.ts";
import { vi } from "./vi.ts";
import { zhHans } from "./zh-hans.ts";
import { zhHant } from "./zh-hant.ts";

export const texts: Texts = { ja, en, "zh-Hans": zhHans, "zh-Hant": zhHant, ko, vi };
