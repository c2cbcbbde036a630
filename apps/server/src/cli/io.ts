import { type ParseArgsConfig, parseArgs } from "node:util";

/**
 * What every command shares: its exit codes, its input and output, and strict option parsing. Kept
 * apart from main.ts, which loads the commands, so no command imports the file that imports it.
 */

/** 0 success, 1 the answer is "no" (or the command failed), 2 bad usage or configuration. */
export const EXIT = { ok: 0, no: 1, usage: 2 } as const;

export type Io = { out: (s: string) => void; err: (s: string) => void; stdin: () => Promise<string> };

export class UsageError extends Error {}

/** Parses a command's options strictly: an unknown option is a usage error, not silently ignored. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A `--name YYYY-MM-DD` option as a UTC date: a calendar date or a usage error (2026-02-30 is not one). */
export function dateOption(name: string, value: string): Date {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${name} ${value}: not a date (YYYY-MM-DD)`);
  }
  return date;
}
