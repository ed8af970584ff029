// Loaded into the benchmark's Azurite (node --require, see bench.sh). Two things in Azurite's storage (LokiJS) cost
// time proportional to a table's size where Azure's do not; this makes them not, with the same results:
// a point lookup by PartitionKey and RowKey scans only the narrower of the two key indexes' ranges, and an update
// that keeps an entity's keys keeps the entity's places in those indexes.
//
// Why: Azurite 3.37 keeps each table in a LokiJS collection with a binary index on PartitionKey and one on
// RowKey, and looks an entity up with findOne({ RowKey, PartitionKey }). LokiJS uses only the first property's
// index and scans every match of it for the second. A row key that many partitions share ("state",
// "history-000001" — one per case) therefore makes every read, insert, replace and delete of such a row cost time
// proportional to the number of cases: 23,000 cases take hours, and the benchmark would measure that scan instead
// of LumoFlow (Azure itself indexes PartitionKey + RowKey together; see docs/performance.md). The result of a
// lookup is the same either way: the entity in the range whose two keys are equal to the query's.
//
// And: an update that leaves an entity's keys as they were keeps its place in the two key indexes. LokiJS's update
// re-sorts the entity into every binary index, first finding it there by a linear scan of the whole index, so that
// each merge or update costs time proportional to the table's size (a quarter of Azurite's time in the sweep at
// 15,000 entities). Azurite's merge and update never change PartitionKey or RowKey (they are the entity's identity),
// so the sorted order, and so the index, is the same without it. Nothing else in Azurite is touched.
// ./bench.sh --stock-azurite runs without either.
"use strict";
const path = require("path");

const azurite = path.dirname(require.resolve("azurite/package.json", { paths: [process.cwd(), __dirname] }));
const { Collection } = require(require.resolve("lokijs", { paths: [azurite] }));
const findOne = Collection.prototype.findOne;

/** The positions in a binary index of the entities holding this value of its property: [first, last], empty if first > last. */
const range = (collection, property, value) => collection.calculateRange("$eq", property, value);

Collection.prototype.findOne = function (query) {
  const indices = this.binaryIndices;
  if (!query || this.cloneObjects || this.data.length === 0 || !indices.PartitionKey || !indices.RowKey
      || indices.PartitionKey.dirty || indices.RowKey.dirty
      || Object.keys(query).length !== 2 || typeof query.PartitionKey !== "string" || typeof query.RowKey !== "string") {
    return findOne.call(this, query);
  }
  // A partition usually holds a few entities: then its range is narrow enough and the row key's is not looked up.
  let property = "PartitionKey";
  let [first, last] = range(this, property, query.PartitionKey);
  if (last - first > 8) {
    const [rowFirst, rowLast] = range(this, "RowKey", query.RowKey);
    if (rowLast - rowFirst < last - first) [property, first, last] = ["RowKey", rowFirst, rowLast];
  }
  const positions = indices[property].values;
  for (let i = first; i <= last; i++) {
    const entity = this.data[positions[i]];
    if (entity.PartitionKey === query.PartitionKey && entity.RowKey === query.RowKey) return entity;
  }
  return null;
};

const update = Collection.prototype.update;
const reindex = Collection.prototype.adaptiveBinaryIndexUpdate;
let keysUnchanged = false;

Collection.prototype.update = function (doc) {
  if (!doc || Array.isArray(doc) || !this.adaptiveBinaryIndices) return update.apply(this, arguments);
  const found = this.get(doc.$loki, true); // [the stored object, its position]: a binary search of the id index
  // A new object with the same indexed values; an object changed in place (LokiJS cannot tell how) goes the usual way.
  keysUnchanged = !!found && found[0] !== doc && Object.keys(this.binaryIndices).every(key => found[0][key] === doc[key]);
  try {
    return update.apply(this, arguments);
  } finally {
    keysUnchanged = false;
  }
};

Collection.prototype.adaptiveBinaryIndexUpdate = function (dataPosition, binaryIndexName) {
  if (!keysUnchanged) reindex.call(this, dataPosition, binaryIndexName);
};

process.stderr.write("LumoFlow benchmark: Azurite point lookups scan the narrower key range, and updates keep their index places (bench/azurite-keyed-lookups.js)\n");
