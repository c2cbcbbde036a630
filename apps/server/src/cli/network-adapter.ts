import { chooseAdapters } from "../adapters/choose-adapters.ts";
import type { Config } from "../config/config.ts";
import { localNetworkAdapter, type ProvisioningAdapter } from "../issuance/provisioning.ts";
import type { Io } from "./io.ts";

/**
 * The network adapter a command that changes lines uses: the operator's (JITSUMEI_ADAPTERS_MODULE) or,
 * where allowed, the simulator, chosen and refused exactly as the server does; the command puts it
 * behind the operation log (loggedProvisioning) once the database is open.
 */
export async function networkAdapter(config: Config, io: Io): Promise<ProvisioningAdapter> {
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
  return chosen.provisioning ?? localNetworkAdapter();
}
