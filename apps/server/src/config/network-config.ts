import { z } from "zod";

/**
 * The operator's connections to the mobile network's side, from the environment (read with the rest
 * of the configuration at start): the SM-DP+ over ES2+ and the endpoint where the SM-DP+ reports
 * downloads. Unset, the local simulators serve (development, CI).
 */
export type NetworkConfig = {
  /** GSMA SGP.22 ES2+ to a real SM-DP+ (issuance/smdp-es2plus.ts); null: the local SM-DP+ simulator. */
  es2plus: {
    baseUrl: string;
    functionRequesterIdentifier: string;
    clientCertFile: string;
    clientKeyFile: string;
    caFile: string;
  } | null;
  /** The mTLS listener for ES2+ HandleDownloadProgressInfo (issuance/es2plus-callback-server.ts). */
  es2plusCallback: {
    port: number;
    host: string;
    certFile: string;
    keyFile: string;
    caFile: string;
    requesters: string[];
  } | null;
};

const file = z.string().min(1, "must be a file path");

const schema = z.object({
  SMDP_ES2PLUS_URL: z
    .string()
    .refine((s) => /^https:\/\//.test(s) && URL.canParse(s), "must be an https:// URL (the SM-DP+'s ES2+ base)")
    .optional(),
  SMDP_FUNCTION_REQUESTER_ID: z.string().min(1).max(256).optional(),
  SMDP_CLIENT_CERT: file.optional(),
  SMDP_CLIENT_KEY: file.optional(),
  SMDP_CA: file.optional(),
  ES2PLUS_CALLBACK_PORT: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535")
    .max(65535, "must be between 0 and 65535")
    .optional(),
  ES2PLUS_CALLBACK_HOST: z.string().min(1).default("0.0.0.0"),
  ES2PLUS_CALLBACK_CERT: file.optional(),
  ES2PLUS_CALLBACK_KEY: file.optional(),
  ES2PLUS_CALLBACK_CA: file.optional(),
  ES2PLUS_CALLBACK_REQUESTERS: z.string().optional(),
});

type Problem = { variable: string; reason: string };

export function loadNetworkConfig(env: Readonly<Record<string, string | undefined>>): {
  config: NetworkConfig;
  problems: Problem[];
} {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    return {
      config: { es2plus: null, es2plusCallback: null },
      problems: parsed.error.issues.map((i) => ({ variable: String(i.path[0]), reason: i.message })),
    };
  }
  const e = parsed.data;
  const problems: Problem[] = [];
  const need = (on: string, names: (keyof typeof e)[]) => {
    for (const name of names) if (!e[name]) problems.push({ variable: name, reason: `is required with ${on}` });
  };
  if (e.SMDP_ES2PLUS_URL)
    need("SMDP_ES2PLUS_URL", ["SMDP_FUNCTION_REQUESTER_ID", "SMDP_CLIENT_CERT", "SMDP_CLIENT_KEY", "SMDP_CA"]);
  if (e.ES2PLUS_CALLBACK_PORT !== undefined)
    need("ES2PLUS_CALLBACK_PORT", ["ES2PLUS_CALLBACK_CERT", "ES2PLUS_CALLBACK_KEY", "ES2PLUS_CALLBACK_CA"]);
  if (problems.length > 0) return { config: { es2plus: null, es2plusCallback: null }, problems };
  return {
    problems,
    config: {
      es2plus: e.SMDP_ES2PLUS_URL
        ? {
            baseUrl: e.SMDP_ES2PLUS_URL,
            functionRequesterIdentifier: e.SMDP_FUNCTION_REQUESTER_ID ?? "",
            clientCertFile: e.SMDP_CLIENT_CERT ?? "",
            clientKeyFile: e.SMDP_CLIENT_KEY ?? "",
            caFile: e.SMDP_CA ?? "",
          }
        : null,
      es2plusCallback:
        e.ES2PLUS_CALLBACK_PORT !== undefined
          ? {
              port: e.ES2PLUS_CALLBACK_PORT,
              host: e.ES2PLUS_CALLBACK_HOST,
              certFile: e.ES2PLUS_CALLBACK_CERT ?? "",
              keyFile: e.ES2PLUS_CALLBACK_KEY ?? "",
              caFile: e.ES2PLUS_CALLBACK_CA ?? "",
              requesters: (e.ES2PLUS_CALLBACK_REQUESTERS ?? "")
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : null,
    },
  };
}
