import { main } from "../../src/cli/main.ts";

export type CliResult = { status: number; stdout: string; stderr: string };

/**
 * `jitsumei …` run in this process: the same `main` and commands as bin/jitsumei.js, with stdin, stdout
 * and stderr in strings and `env` over process.env for the call. A spawned `jitsumei` loads ~300
 * modules through tsx first (~2 s of CPU each time); tests of what a command answers run it here, and
 * each command's file keeps one test that spawns the real binary for its exit code and streams.
 */
export async function runCli(
  argv: string[],
  options: { input?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const line = (s: string) => (s.endsWith("\n") ? s : `${s}\n`);
  const saved = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    const status = await main(argv, {
      out: (s) => {
        stdout += line(s);
      },
      err: (s) => {
        stderr += line(s);
      },
      stdin: async () => options.input ?? "",
    });
    return { status, stdout, stderr };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}
