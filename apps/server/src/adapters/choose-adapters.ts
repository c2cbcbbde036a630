import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Config, ConfigError } from "../config/config.ts";
import {
  type AdapterContext,
  type AdapterFactory,
  type Adapters,
  type PortName,
  portDetails,
  portNames,
} from "./adapters.ts";

type Problem = { variable: string; reason: string };

export type ChosenAdapters = {
  /** The adapters the operator's module made, by port. */
  chosen: Partial<Adapters>;
  /** The ports that run on their local simulator. */
  simulators: PortName[];
};

const MODULE = "JITSUMEI_ADAPTERS_MODULE";

/**
 * Loads the operator's adapter module (JITSUMEI_ADAPTERS_MODULE), checks its exports, decides which
 * ports run on their simulator, refuses a production start on a simulator ALLOW_SIMULATORS does not
 * allow, and only then calls the module's factories. Everything wrong is reported at once, as a
 * ConfigError naming the variable, the export and the reason. `ports` narrows the choice to the ports
 * a command uses (the CLI's sweeps need only the network).
 */
export async function chooseAdapters(
  config: Config,
  context: AdapterContext,
  ports: readonly PortName[] = portNames,
): Promise<ChosenAdapters> {
  const problems: Problem[] = [];
  const factories = await importAdapterModule(config.adapters.module, problems);
  if (factories.mail && config.mail.kind === "smtp") {
    problems.push({
      variable: MODULE,
      reason: "exports `mail` and SMTP_URL is set too: name one mail transport (unset SMTP_URL to use the module's)",
    });
  }
  if (factories.digitalAuth && config.digitalAuth.kind === "app") {
    problems.push({
      variable: MODULE,
      reason: "exports `digitalAuth` and DIGITAL_AUTH_BASE_URL is set too: name one Digital Authentication App",
    });
  }
  if (factories.smdp && config.network.es2plus) {
    problems.push({
      variable: MODULE,
      reason: "exports `smdp` and SMDP_ES2PLUS_URL is set too: name one SM-DP+",
    });
  }
  if (factories.documentStore && config.storage.kind === "s3") {
    problems.push({
      variable: MODULE,
      reason: "exports `documentStore` and JITSUMEI_DOCUMENT_STORE=s3 is set too: name one document store",
    });
  }
  const simulators = ports.filter((port) => !factories[port] && !servedWithoutModule(config, port));
  if (config.env === "production") {
    for (const port of simulators.filter((p) => !config.adapters.allowSimulators.includes(p))) {
      problems.push({ variable: MODULE, reason: refusal(config, port) });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const chosen: Partial<Record<PortName, unknown>> = {};
  for (const port of ports) {
    const factory = factories[port];
    if (!factory) continue;
    try {
      const adapter = await factory(context);
      const missing = portDetails[port].methods.filter(
        (method) => typeof (adapter as Record<string, unknown> | null)?.[method] !== "function",
      );
      if (missing.length > 0) {
        problems.push({
          variable: MODULE,
          reason: `the \`${port}\` factory returned an adapter without ${missing.map((m) => `${m}()`).join(", ")}`,
        });
      }
      chosen[port] = adapter;
    } catch (error) {
      problems.push({ variable: MODULE, reason: `the \`${port}\` factory failed: ${(error as Error).message}` });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  if (config.env === "production" && simulators.length > 0) {
    context.warn(
      `running on simulators ALLOW_SIMULATORS allows: ${simulators.map((p) => `${p} (${portDetails[p].simulator})`).join(", ")}`,
    );
  }
  return { chosen: chosen as Partial<Adapters>, simulators };
}

/** Ports that have a real adapter without a module: SMTP for mail; the Digital Agency's service, or none. */
function servedWithoutModule(config: Config, port: PortName): boolean {
  if (port === "mail") return config.mail.kind === "smtp";
  // The database is the documents' real default store (storage/document-store.ts), not a simulator.
  if (port === "documentStore") return true;
  // The ES2+ adapter (issuance/smdp-es2plus.ts) when SMDP_ES2PLUS_URL names the operator's SM-DP+.
  if (port === "smdp") return config.network.es2plus !== null;
  // Unset in production, the method is not offered at all: that is no simulator.
  if (port === "digitalAuth") return config.digitalAuth.kind !== "simulator";
  return false;
}

function refusal(config: Config, port: PortName): string {
  const source = config.adapters.module
    ? `${config.adapters.module} exports no \`${port}\` factory`
    : `is unset, so \`${port}\` has no adapter`;
  const mail = port === "mail" ? " (or set SMTP_URL)" : port === "smdp" ? " (or set SMDP_ES2PLUS_URL)" : "";
  return `${source}${mail}: ${port} would run on ${portDetails[port].simulator}, which production refuses unless ALLOW_SIMULATORS lists ${port}`;
}

async function importAdapterModule(
  specifier: string | null,
  problems: Problem[],
): Promise<{ [P in PortName]?: AdapterFactory<P> }> {
  if (!specifier) return {};
  let module: Record<string, unknown>;
  try {
    // A path is taken from the working directory, as a shell user expects; a package name as it is.
    const isPath = /^(\.{1,2}[/\\]|\/|[A-Za-z]:[/\\])/.test(specifier);
    module = await import(isPath ? pathToFileURL(resolve(specifier)).href : specifier);
  } catch (error) {
    problems.push({ variable: MODULE, reason: `cannot load ${specifier}: ${(error as Error).message}` });
    return {};
  }
  const factories: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (!(portNames as string[]).includes(name)) {
      problems.push({
        variable: MODULE,
        reason: `${specifier} exports \`${name}\`, which is no port (the ports: ${portNames.join(", ")})`,
      });
    } else if (typeof value !== "function") {
      problems.push({
        variable: MODULE,
        reason: `${specifier} exports \`${name}\` as a ${typeof value}: it must be a factory, (context) => adapter`,
      });
    } else {
      factories[name] = value;
    }
  }
  return factories as { [P in PortName]?: AdapterFactory<P> };
}
