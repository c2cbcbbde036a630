import { type OutputUnit, type Schema, Validator } from "@cfworker/json-schema";

/**
 * An answer that does not have the shape the contract gives it: the page would otherwise break later, far
 * from the cause (an `undefined` deep in a render). The message names the operation and the field.
 */
export class ContractViolation extends Error {
  constructor(
    /** "GET /v1/applications/{reference}" */
    readonly operation: string,
    readonly status: number,
    /** Where in the answer, as a JSON pointer ("/line/msisdn"; "" for the whole answer). */
    readonly location: string,
    readonly reason: string,
  ) {
    super(`${operation} answered ${status} with a body the API contract does not allow: ${location || "/"}: ${reason}`);
    this.name = "ContractViolation";
  }
}

/**
 * The answers a front end checks (src/answer-schemas/, generated): each operation's JSON answers by status,
 * and the named schemas they refer to. The site takes public.ts, the console all.ts.
 */
export type AnswerSchemas = {
  definitions: Record<string, Schema>;
  operations: Record<string, Record<string, Schema>>;
};

/** Checks an answer against its operation's schema, or throws a ContractViolation. */
export type CheckAnswer = (method: string, schemaPath: string, status: number, body: unknown) => void;

/**
 * The checker of a front end's answers. It throws a ContractViolation naming the deepest field that does
 * not fit; an operation or status its schemas give no JSON schema to passes as it is.
 */
export function answerChecker(schemas: AnswerSchemas): CheckAnswer {
  const validators = new Map<string, Validator | null>();
  const validatorFor = (operation: string, status: number): Validator | null => {
    const key = `${operation} ${status}`;
    let validator = validators.get(key);
    if (validator === undefined) {
      const schema = schemas.operations[operation]?.[String(status)];
      // Built on first use: most pages call a handful of the operations.
      validator = schema ? new Validator({ ...schema, $defs: schemas.definitions } as Schema, "2020-12", false) : null;
      validators.set(key, validator);
    }
    return validator;
  };
  return (method, schemaPath, status, body) => {
    const operation = `${method.toUpperCase()} ${schemaPath}`;
    const result = validatorFor(operation, status)?.validate(body);
    if (!result || result.valid) return;
    const cause = deepest(result.errors);
    throw new ContractViolation(operation, status, cause.instanceLocation.replace(/^#/, ""), cause.error);
  };
}

/** The error about the deepest place in the answer (the others only say that its parents failed). */
function deepest(errors: OutputUnit[]): OutputUnit {
  const depth = (unit: OutputUnit) => unit.instanceLocation.split("/").length;
  return errors.reduce((best, unit) => (depth(unit) > depth(best) ? unit : best));
}
