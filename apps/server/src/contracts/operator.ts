import { readFileSync } from "node:fs";
import { type OperatorDetails, sampleOperator } from "@jitsumei/documents";
import { z } from "zod";
import type { Config } from "../config/config.ts";

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) }).catchall(z.string());
const operatorSchema = z.object({
  name: text,
  address: text,
  registrationNumber: z.string().min(1),
  phone: z.string().min(1),
  supportHours: text,
  url: z.string().min(1),
});

/**
 * The operator named on every contract and receipt: JITSUMEI_OPERATOR_FILE (JSON), or the fictitious
 * demo operator. A file that does not parse stops start-up with the field and the reason.
 */
export function loadOperator(config: Pick<Config, "operatorFile">): OperatorDetails {
  if (!config.operatorFile) return sampleOperator;
  const parsed = operatorSchema.safeParse(JSON.parse(readFileSync(config.operatorFile, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`JITSUMEI_OPERATOR_FILE ${config.operatorFile}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  return parsed.data as OperatorDetails;
}
