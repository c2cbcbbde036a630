// Types for scripts/system-tools.mjs (plain JavaScript: .ci/run runs it before `npm ci`).
export interface Requirement {
  name: string;
  command?: string;
  anyFile?: string[];
  python?: string;
  packages: string[];
  for: string;
}
export const requirements: Requirement[];
export function onPath(command: string, path: string | undefined): boolean;
export function fileExists(pattern: string, root?: string): boolean;
export function missingTools(options?: { path?: string | undefined; root?: string }): Requirement[];
export function aptPackages(missing: Requirement[]): string[];
export function missingMessage(missing: Requirement[]): string;
