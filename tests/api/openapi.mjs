// The API's description checked by tools nobody here wrote, against the real server on a fresh demo:
// the document is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator, the OpenAPI Initiative's
// JSON schemas), and what the server answers matches it (Ajv, JSON Schema 2020-12) — every list
// and read without a path parameter, for the administrator, validated against its 200 schema; and
// every write probed with a body it must refuse (an unknown field, ids that do not exist), whose
// answer must be a described status carrying one of the codes listed for it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { startServer, run } from '../browser/harness.mjs';

const require = createRequire(join(process.env.KIENTAO_WEB_DIR, 'package.json'));
const { Validator } = await import(require.resolve('@seriousme/openapi-schema-validator'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default ?? require('ajv-formats');

const env = await startServer(process.argv[2]);
const { base } = env;

await run(env, async () => {
  const doc = await (await fetch(base + '/api/v1/openapi.json')).json();
  const validator = new Validator();
  const res = await validator.validate(structuredClone(doc));
  assert.equal(res.valid, true, JSON.stringify(res.errors, null, 2));
  assert.equal(validator.version, '3.1');

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'https://kientao.invalid/openapi', components: doc.components, paths: doc.paths });
  const pointer = (...parts) => parts.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
  const problems = [];  // every mismatch, listed together at the end
  const check = (path, method, status, body) => {
    const answer = doc.paths[path][method].responses[String(status)];
    if (!answer) {
      problems.push(`${method.toUpperCase()} ${path} answered ${status}, which is not described: ${JSON.stringify(body).slice(0, 300)}`);
      return;
    }
    const schema = answer.content?.['application/json']?.schema;
    if (!schema) return;
    const validate = ajv.getSchema(`https://kientao.invalid/openapi#/${pointer('paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema')}`);
    if (!validate(body))
      problems.push(`${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText(validate.errors)}\n  ${JSON.stringify(body).slice(0, 400)}`);
  };

  // The administrator of the commune, signed in through the API.
  const login = await fetch(base + '/api/v1/session', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'quantri', password: 'LacPhuong@2026' }),
  });
  assert.equal(login.status, 201);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  const headers = { Cookie: cookie, 'X-CSRF-Token': csrf };

  let reads = 0, writes = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const target = base + path.replace(/\{id\}/g, '999999').replace(/\{[a-z_]+\}/g, 'khong-co-ma-nay');
      if (method === 'get') {
        if (path.includes('{')) continue;
        const r = await fetch(target, { headers });
        if (!(r.headers.get('content-type') || '').includes('json')) continue;
        check(path, method, r.status, await r.json());
        reads++;
      } else if (path !== '/api/v1/session') {
        // A body every operation must refuse; nothing is written.
        const r = await fetch(target, {
          method: method.toUpperCase(), headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ khong_co_truong_nay: 1 }),
        });
        const body = await r.json();
        if (r.status < 400) problems.push(`${method.toUpperCase()} ${path} accepted the probe: ${JSON.stringify(body)}`);
        check(path, method, r.status, body);
        writes++;
      }
    }
  }
  assert.deepEqual(problems, [], `answers that do not match the description:\n${problems.join('\n')}`);
  assert.ok(reads >= 20, `only ${reads} reads checked`);
  assert.ok(writes >= 40, `only ${writes} writes probed`);
  console.log(`openapi: valid OpenAPI ${validator.version}; ${reads} answers and ${writes} refusals match it`);
});
