/**
 * An example adapter module (docs/adapters.md, docs/number-portability.md): numbers brought in by the
 * one-stop flow from another operator that runs Jitsumei's one-stop port-out protocol. Start with:
 *
 *   JITSUMEI_ADAPTERS_MODULE=./examples/adapters/jitsumei-mnp.ts \
 *   MNP_DONOR_URL=https://other-operator.example MNP_DONOR_RECIPIENT_ID=our-id \
 *   MNP_DONOR_CREDENTIAL=… npm run jitsumei -- serve
 *
 * The other operator registers us in its MNP_ONE_STOP_RECIPIENTS_FILE with our id, our return address
 * (PUBLIC_URL/number/<reference> is where an applicant comes back: one entry per reference is not
 * possible, so it registers the addresses its protocol allows; see the docs) and the SHA-256 of the credential.
 */
import { type AdapterContext, type Adapters, jitsumeiPortingOperator } from "@jitsumei/server/adapters";

export function numberPortability(_context: AdapterContext): Adapters["numberPortability"] {
  const donorUrl = process.env.MNP_DONOR_URL;
  const recipientId = process.env.MNP_DONOR_RECIPIENT_ID;
  const credential = process.env.MNP_DONOR_CREDENTIAL;
  if (!donorUrl || !URL.canParse(donorUrl)) throw new Error("MNP_DONOR_URL must be the operator's https:// URL");
  if (!recipientId) throw new Error("MNP_DONOR_RECIPIENT_ID is required");
  if (!credential) throw new Error("MNP_DONOR_CREDENTIAL is required");
  return jitsumeiPortingOperator({ donorUrl, recipientId, credential });
}
