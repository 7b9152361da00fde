// A Node.js client of xxgk.v1.Validator (@grpc/grpc-js + @grpc/proto-loader):
// Validate one document, then ValidateStream the same document N times.
// Prints one JSON line with what it got; node_client_test.py judges it.
// Usage: node node_client.js ADDRESS PROTO_DIR DOCUMENT N
'use strict';
const fs = require('fs');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

const [address, protoDir, docPath, nText] = process.argv.slice(2);
const n = parseInt(nText, 10);
const definition = loader.loadSync('xxgk/v1/service.proto', {
  includeDirs: [protoDir], keepCase: true, longs: String, enums: String, defaults: true,
  oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).xxgk.v1;
const client = new v1.Validator(address, grpc.credentials.createInsecure());
const document = {content: fs.readFileSync(docPath), file_name: path.basename(docPath)};
const deadline = () => new Date(Date.now() + 60000);

function fail(what, err) {
  console.error(`${what}: ${err && err.message}`);
  process.exit(1);
}

client.Validate({document}, {deadline: deadline()}, (err, resp) => {
  if (err) fail('Validate', err);
  const out = {
    validate: {
      rule_ids: resp.findings.map((f) => f.rule_id).sort(),
      rulesets: resp.rulesets.map((s) => s.id),
    },
  };
  const answers = new Map();
  let errors = 0;
  const call = client.ValidateStream({deadline: deadline()});
  call.on('data', (r) => {
    answers.set(r.id, (answers.get(r.id) || 0) + 1);
    if (r.outcome === 'error') errors++;
  });
  call.on('error', (e) => fail('ValidateStream', e));
  call.on('end', () => {
    out.stream = {
      sent: n,
      answered: [...answers.values()].reduce((a, b) => a + b, 0),
      unique: answers.size,
      errors,
    };
    console.log(JSON.stringify(out));
    client.close();
  });
  for (let i = 0; i < n; i++) call.write({id: `node-${i}`, request: {document}});
  call.end();
});
