/**
 * A status written into SQL text as a quoted literal, typed by its lifecycle:
 * `sqlStatus<SimCardStatus>("available")` is `'available'`, and a state renamed in the domain makes the
 * call a type error. The type argument must be given (without it `value` is `never`), so the literal
 * is always checked against a state type.
 *
 * Why literals and not bind parameters (ARCHITECTURE.md, "Status values in SQL"): a partial index
 * (`sim_cards_available … WHERE status = 'available'`, `jobs_due`, `check_results_failed` …) serves a
 * query only when the planner proves the query's predicate implies the index's, which it cannot do for
 * a parameter in a generic plan; and a statement whose text is what it was keeps its plan.
 */
export function sqlStatus<S extends string = never>(value: NoInfer<S>): string {
  // Only a lifecycle's word (lower case and underscores) is ever written into SQL text this way.
  if (!/^[a-z][a-z_]*$/.test(value)) throw new Error(`not a status word: ${JSON.stringify(value)}`);
  return `'${value}'`;
}

/** Several statuses as the items of an IN list: `'a', 'b'`. */
export function sqlStatuses<S extends string = never>(...values: NoInfer<S>[]): string {
  return values.map((v) => sqlStatus<S>(v)).join(", ");
}
