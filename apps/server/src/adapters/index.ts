/**
 * What an operator's adapter module imports (`@jitsumei/server/adapters`): the ports' types, and the
 * error that tells the job worker a failure is final (a refused number is not retried).
 */
export { PermanentJobError } from "../jobs/jobs.ts";
export { jitsumeiPortingOperator } from "../number-portability/jitsumei-porting-operator.ts";
export { PortingRefusal } from "../number-portability/number-portability.ts";
export type { AdapterContext, AdapterFactory, AdapterModule, Adapters, PortName } from "./adapters.ts";
