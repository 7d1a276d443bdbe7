// DuckDB's side of bench/db_compare.sh: loads the CSV into an in-memory table and times the two
// queries (best of 3). Usage: node duckdb_compare.mjs values.csv "<query A>" "<query B>"
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.KIENTAO_WEB_DIR, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const [file, qa, qb] = process.argv.slice(2);

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let t = performance.now();
await con.run(`CREATE TABLE v AS SELECT * FROM read_csv('${file}', header = false,
  columns = {'commune': 'INTEGER', 'unit': 'INTEGER', 'indicator': 'INTEGER', 'period': 'INTEGER', 'num': 'DOUBLE', 'den': 'DOUBLE'})`);
console.log(`load: ${Math.round(performance.now() - t)} ms`);
for (const [name, q] of [['A', qa], ['B', qb]]) {
  let best = Infinity;
  for (let i = 0; i < 3; ++i) {
    t = performance.now();
    const r = await con.runAndReadAll(q);
    r.getRows();
    best = Math.min(best, performance.now() - t);
  }
  console.log(`${name}: ${best.toFixed(1)} ms`);
}
