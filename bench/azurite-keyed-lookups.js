// Loaded into the benchmark's Azurite (node --require, see bench.sh): makes a point lookup by PartitionKey and
// RowKey use the narrower of Azurite's two key indexes.
//
// Why: Azurite 3.37 keeps each table in a LokiJS collection with a binary index on PartitionKey and one on
// RowKey, and looks an entity up with findOne({ RowKey, PartitionKey }). LokiJS uses only the first property's
// index and scans every match of it for the second. A row key that many partitions share ("state",
// "history-000001" — one per case) therefore makes every read, insert, replace and delete of such a row cost time
// proportional to the number of cases: 23,000 cases take hours, and the benchmark would measure that scan instead
// of LumoFlow (Azure itself indexes PartitionKey + RowKey together; see docs/performance.md). The result of a
// lookup is the same either way; only the index used first changes. Nothing else in Azurite is touched.
// ./bench.sh --stock-azurite runs without it.
"use strict";
const path = require("path");

const azurite = path.dirname(require.resolve("azurite/package.json", { paths: [process.cwd(), __dirname] }));
const { Collection } = require(require.resolve("lokijs", { paths: [azurite] }));
const findOne = Collection.prototype.findOne;

/** How many entities hold this value of an indexed property: the width of its range in the binary index. */
function matches(collection, property, value) {
  const [first, last] = collection.calculateRange("$eq", property, value);
  return last - first + 1;
}

Collection.prototype.findOne = function (query) {
  if (query && this.data.length > 0 && this.binaryIndices.PartitionKey && this.binaryIndices.RowKey
      && Object.keys(query).length === 2 && "PartitionKey" in query && "RowKey" in query) {
    query = matches(this, "PartitionKey", query.PartitionKey) <= matches(this, "RowKey", query.RowKey)
      ? { PartitionKey: query.PartitionKey, RowKey: query.RowKey }
      : { RowKey: query.RowKey, PartitionKey: query.PartitionKey };
  }
  return findOne.call(this, query);
};

process.stderr.write("LumoFlow benchmark: Azurite point lookups use the narrower key index (bench/azurite-keyed-lookups.js)\n");
