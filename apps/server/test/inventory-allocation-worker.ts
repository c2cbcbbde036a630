// One of the two processes of inventory-concurrency.test.ts: reserves a line for each application it
// is given, all at once through a pg pool, and prints what it got. Run with `node --import tsx`.
// stdin: one JSON line {url, applications: [{id, formFactor}]}, then "go" once the other is ready too.
import { createInterface } from "node:readline";
import { openPostgres } from "../src/db/postgres.ts";
import { reserveSim } from "../src/inventory/assign-sim.ts";

const POOL_SIZE = 10;
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
const first = await lines.next();
const task = JSON.parse(String(first.value)) as {
  url: string;
  applications: { id: string; formFactor: "physical" | "esim" }[];
};
const db = openPostgres(task.url, { max: POOL_SIZE });
// Open every connection before the start, so both processes begin allocating together.
await Promise.all(Array.from({ length: POOL_SIZE }, () => db.transaction((tx) => tx.query("SELECT 1"))));
process.stdout.write("ready\n");
await lines.next();
const started = performance.now();
const results = await Promise.all(
  task.applications.map((application) => db.transaction((tx) => reserveSim(tx, application, "voice"))),
);
const ms = performance.now() - started;
await db.close();
process.stdout.write(`${JSON.stringify({ ms, results })}\n`);
process.exit(0);
