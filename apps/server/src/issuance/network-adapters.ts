import { readFileSync } from "node:fs";
import { ConfigError } from "../config/config.ts";
import type { NetworkConfig } from "../config/network-config.ts";
import type { Es2plusCallbackConfig } from "./es2plus-callback-server.ts";
import { localSmdpSimulator, type SmdpPlus } from "./smdp.ts";
import { es2plusSmdp } from "./smdp-es2plus.ts";

/**
 * The SM-DP+ adapter the configuration selects, and the TLS material of the download-report
 * endpoint, with every certificate and key file read at start (a missing file stops start-up with
 * the variable's name, before the database is touched).
 */
export function loadNetworkAdapters(config: NetworkConfig): {
  smdp: SmdpPlus;
  close(): void;
  callback: Es2plusCallbackConfig | null;
} {
  const problems: { variable: string; reason: string }[] = [];
  const read = (variable: string, path: string): Buffer => {
    try {
      return readFileSync(path);
    } catch (error) {
      problems.push({ variable, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      return Buffer.alloc(0);
    }
  };
  const es2 = config.es2plus;
  const tls = es2 && {
    clientCert: read("SMDP_CLIENT_CERT", es2.clientCertFile),
    clientKey: read("SMDP_CLIENT_KEY", es2.clientKeyFile),
    ca: read("SMDP_CA", es2.caFile),
  };
  const cb = config.es2plusCallback;
  const callback = cb && {
    port: cb.port,
    host: cb.host,
    cert: read("ES2PLUS_CALLBACK_CERT", cb.certFile),
    key: read("ES2PLUS_CALLBACK_KEY", cb.keyFile),
    ca: read("ES2PLUS_CALLBACK_CA", cb.caFile),
    requesters: cb.requesters,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  if (es2 && tls) {
    const smdp = es2plusSmdp({
      baseUrl: es2.baseUrl,
      functionRequesterIdentifier: es2.functionRequesterIdentifier,
      ...tls,
    });
    return { smdp, close: () => smdp.close(), callback };
  }
  return { smdp: localSmdpSimulator(), close: () => {}, callback };
}
