// DuckDB's side of bench/poverty_compare.sh: the same Alkire–Foster figures (equal weights 1/12,
// k = 3/12, poor only at or below the income line: 1,500,000 rural, 2,000,000 urban) over the same
// households.csv, read straight from the file each time (as kientao streams it), best of 3; the
// load into memory and the figures on the loaded table are timed too.
// Usage: node poverty_duckdb.mjs households.csv
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.KIENTAO_WEB_DIR, 'package.json'));
const { DuckDBInstance } = require('@duckdb/node-api');
const [file] = process.argv.slice(2);
const codes = ['employment', 'dependants', 'nutrition', 'health_insurance', 'adult_education',
  'school_attendance', 'housing_quality', 'floor_area', 'water', 'latrine', 'telecom', 'information_access'];

const db = await DuckDBInstance.create(':memory:');
const con = await db.connect();
const figures = (from) => `WITH h AS (
    SELECT *, (${codes.join(' + ')}) AS c FROM ${from}),
  p AS (SELECT *, (c / 12.0 >= 0.25 - 1e-9 AND income_per_capita <=
          CASE area WHEN 'urban' THEN 2000000 ELSE 1500000 END) AS poor FROM h)
  SELECT COUNT(*) AS n, SUM(poor::INT) AS q, SUM(poor::INT) / COUNT(*) AS "H",
    SUM(CASE WHEN poor THEN c ELSE 0 END) / 12.0 / SUM(poor::INT) AS "A",
    SUM(CASE WHEN poor THEN c ELSE 0 END) / 12.0 / COUNT(*) AS "M0",
    (SUM(CASE WHEN poor THEN water ELSE 0 END) / COUNT(*) / 12.0) /
      (SUM(CASE WHEN poor THEN c ELSE 0 END) / 12.0 / COUNT(*)) AS water
  FROM p`;
const csv = `read_csv('${file}', header = true, columns = {'area': 'VARCHAR', 'income_per_capita': 'BIGINT', ${
  codes.map((c) => `'${c}': 'TINYINT'`).join(', ')}})`;
const best = async (q) => {
  let b = Infinity, row;
  for (let i = 0; i < 3; ++i) {
    const t = performance.now();
    row = (await con.runAndReadAll(q)).getRows()[0];
    b = Math.min(b, performance.now() - t);
  }
  return [b, row];
};
const show = (row) => `n ${row[0]} q ${row[1]} H ${Number(row[2]).toFixed(6)} A ${Number(row[3]).toFixed(6)} M0 ${Number(row[4]).toFixed(6)} water ${Number(row[5]).toFixed(6)}`;
let [t, row] = await best(figures(csv));
console.log(`duckdb AF from the file: ${show(row)}; best ${(t / 1000).toFixed(2)} s of 3`);
console.log(`duckdb_seconds=${(t / 1000).toFixed(3)}`);
let t0 = performance.now();
await con.run(`CREATE TABLE households AS SELECT * FROM ${csv}`);
console.log(`duckdb load into memory: ${((performance.now() - t0) / 1000).toFixed(2)} s`);
[t, row] = await best(figures('households'));
console.log(`duckdb AF on the loaded table: ${show(row)}; best ${(t / 1000).toFixed(2)} s of 3`);
