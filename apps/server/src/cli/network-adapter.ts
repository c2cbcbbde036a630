import { chooseAdapters } from "../adapters/choose-adapters.ts";
import type { Config } from "../config/config.ts";
import type { Provisioning } from "../issuance/provisioning.ts";
import { localNetworkSimulator } from "../issuance/provisioning.ts";
import type { Io } from "./io.ts";

/**
 * The network adapter a command that changes lines uses: the operator's (JITSUMEI_ADAPTERS_MODULE) or,
 * where allowed, the simulator, chosen and refused exactly as the server does.
 */
export async function networkAdapter(config: Config, io: Io): Promise<Provisioning> {
  const { chosen } = await chooseAdapters(
    config,
    {
      env: config.env,
      publicUrl: () => config.publicUrl,
      clock: () => new Date(),
      warn: (m) => io.err(`WARNING: ${m}`),
    },
    ["provisioning"],
  );
  return chosen.provisioning ?? localNetworkSimulator();
}
