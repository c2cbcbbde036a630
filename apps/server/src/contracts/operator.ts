import { readFileSync } from "node:fs";
import { type OperatorDetails, sampleOperator } from "@jitsumei/documents";
import { z } from "zod";
import type { Config } from "../config/config.ts";
import { type OperatorContact, operatorContactSchema, sampleContact } from "../site/operator-contact.ts";

const text = z.object({ ja: z.string().min(1), en: z.string().min(1) }).catchall(z.string());
const operatorSchema = z.object({
  name: text,
  address: text,
  registrationNumber: z.string().min(1),
  phone: z.string().min(1),
  supportHours: text,
  url: z.string().min(1),
  contact: operatorContactSchema.optional(),
});

/** The operator's details, and how applicants and subscribers reach it (null: the file gave none). */
export type Operator = OperatorDetails & { contact: OperatorContact | null };

/**
 * The operator named on every contract and receipt: JITSUMEI_OPERATOR_FILE (JSON), or the fictitious
 * demo operator. A file that does not parse stops start-up with the field and the reason. Production
 * refuses a file without its `contact` section: the law wants a contact point for inquiries and
 * complaints (電気通信事業法 第27条), and the site and every mail show it. Production with no file at all
 * runs on the demo operator, with a warning (as before the contact section existed).
 */
export function loadOperator(
  config: Pick<Config, "operatorFile" | "env">,
  warn: (m: string) => void = () => {},
): Operator {
  if (!config.operatorFile) {
    if (config.env === "production")
      warn("JITSUMEI_OPERATOR_FILE is unset: contracts, mails and the contact page name the fictitious demo operator");
    return { ...sampleOperator, contact: sampleContact };
  }
  const parsed = operatorSchema.safeParse(JSON.parse(readFileSync(config.operatorFile, "utf8")));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`JITSUMEI_OPERATOR_FILE ${config.operatorFile}: ${issue?.path.join(".")} ${issue?.message}`);
  }
  const { contact, ...details } = parsed.data;
  if (!contact && config.env === "production") {
    throw new Error(
      `JITSUMEI_OPERATOR_FILE ${config.operatorFile}: contact is required when NODE_ENV=production (the support phone and its hours, an email or formUrl, the postalAddress for written complaints: docs/operating.md)`,
    );
  }
  return { ...(details as OperatorDetails), contact: contact ?? null };
}
