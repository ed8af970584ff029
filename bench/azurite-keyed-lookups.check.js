// Checks bench/azurite-keyed-lookups.js against what LokiJS would do without it: bench.sh runs this before it
// starts Azurite, and stops if a lookup finds something else than a full scan would, or an index is out of order.
"use strict";
const path = require("path");
require("./azurite-keyed-lookups.js");
const azurite = path.dirname(require.resolve("azurite/package.json", { paths: [process.cwd(), __dirname] }));
const loki = require(require.resolve("lokijs", { paths: [azurite] }));

const db = new loki("check");
const failures = [];
const check = (what, ok) => { if (!ok) failures.push(what); };
const scan = (collection, q) => collection.data.find(e => e.PartitionKey === q.PartitionKey && e.RowKey === q.RowKey) ?? null;
let seed = 1;
const random = n => { seed = (seed * 48271) % 2147483647; return seed % n; };

// Like Cases: a few rows per partition, row keys shared by every partition.
const cases = db.addCollection("cases", { indices: ["PartitionKey", "RowKey"] });
for (let i = 0; i < 3000; i++) cases.insert({ PartitionKey: `c${(i * 7919) % 3000}`, RowKey: i % 3 ? "state" : `history-${i}`, v: 0 });
// Like CaseAlarms: wide partitions, unique row keys.
const alarms = db.addCollection("alarms", { indices: ["PartitionKey", "RowKey"] });
for (let i = 0; i < 3000; i++) alarms.insert({ PartitionKey: `h${i % 3}`, RowKey: `r${i}` });

for (let k = 0; k < 10000; k++) {
  const q = { PartitionKey: `c${random(3100)}`, RowKey: random(2) ? "state" : `history-${random(3000)}` };
  const found = cases.findOne(q);
  check(`cases lookup ${JSON.stringify(q)}`, found === scan(cases, q));
  if (!found) continue;
  if (k % 10 === 0) { cases.remove(found); cases.insert({ ...q, v: k }); } // a replace, as Azurite does it
  else cases.update({ ...found, v: k });                                 // a merge, as Azurite does it
  const a = { PartitionKey: `h${random(4)}`, RowKey: `r${random(3200)}` };
  check(`alarms lookup ${JSON.stringify(a)}`, alarms.findOne(a) === scan(alarms, a));
}
// An update that changes a key still re-sorts the entity.
const moved = cases.findOne({ PartitionKey: "c5", RowKey: "state" }) ?? cases.findOne({ PartitionKey: "c6", RowKey: "state" });
cases.update({ ...moved, PartitionKey: "a-moved" });
check("an entity whose key changed is found under its new key", cases.find({ PartitionKey: "a-moved" }).length === 1);
for (const [name, collection] of [["cases", cases], ["alarms", alarms]])
  for (const index of ["PartitionKey", "RowKey"]) check(`${name}.${index} index in order`, collection.checkIndex(index));

if (failures.length > 0) {
  console.error(`bench/azurite-keyed-lookups.js differs from LokiJS: ${failures.slice(0, 5).join("; ")}`);
  process.exit(1);
}
console.error("bench/azurite-keyed-lookups.js: lookups and indexes agree with a full scan");
