// DuckDB's side of bench/services_compare.sh: loads the dossiers CSV into an in-memory table and
// times the statistics of 2024 (received, full-process online, returned early / on time / late),
// best of 5. Usage: node services_duckdb.mjs dossiers.csv
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.KIENTAO_WEB_DIR, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const [file] = process.argv.slice(2);

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
let t = performance.now();
await con.run(`CREATE TABLE d AS SELECT * FROM read_csv('${file}', header = true,
  columns = {'code': 'VARCHAR', 'procedure_code': 'VARCHAR', 'received_on': 'DATE', 'channel': 'VARCHAR',
             'full_process_online': 'INTEGER', 'due_on': 'DATE', 'returned_on': 'DATE', 'unit_code': 'VARCHAR'})`);
console.log(`duckdb load: ${Math.round(performance.now() - t)} ms`);
const q = `SELECT
  SUM(CASE WHEN received_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' THEN 1 ELSE 0 END),
  SUM(CASE WHEN received_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND full_process_online = 1 THEN 1 ELSE 0 END),
  SUM(CASE WHEN returned_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' THEN 1 ELSE 0 END),
  SUM(CASE WHEN returned_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND returned_on < due_on THEN 1 ELSE 0 END),
  SUM(CASE WHEN returned_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND returned_on = due_on THEN 1 ELSE 0 END),
  SUM(CASE WHEN returned_on BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND returned_on > due_on THEN 1 ELSE 0 END)
  FROM d`;
let best = Infinity, row;
for (let i = 0; i < 5; ++i) {
  t = performance.now();
  const r = await con.runAndReadAll(q);
  row = r.getRows()[0];
  best = Math.min(best, performance.now() - t);
}
console.log(`duckdb statistics of 2024 (received ${row[0]}, resolved ${row[2]}, late ${row[5]}): best ${best.toFixed(1)} ms of 5`);
