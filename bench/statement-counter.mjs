/**
 * Loaded into the measured server process (`node --import ./bench/statement-counter.mjs …`): counts
 * the SQL statements the server sends (pg's `Client.prototype.query`, through which the pool's
 * queries pass too) and, on SIGUSR2, writes "<signal number> <statements>" to
 * JITSUMEI_BENCH_STATEMENTS_FILE. One integer increment a statement: nothing else in the server changes.
 */
import { writeFileSync } from "node:fs";
import pg from "pg";

let statements = 0;
let signals = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (...args) {
  statements++;
  return query.apply(this, args);
};
const file = process.env.JITSUMEI_BENCH_STATEMENTS_FILE;
if (file) {
  process.on("SIGUSR2", () => {
    signals++;
    writeFileSync(file, `${signals} ${statements}`);
  });
}
