// Loaded with `node -r` into Azurite's table and queue services by scripts/soak.sh (not by run.sh or test.sh, which
// run stock Azurite): lets stock Azurite find rows and messages through the indexes it already keeps, as Azure Storage
// finds them, instead of scanning. It changes how rows and messages are found, never which.
//
// Why: Azurite 3.37 keeps each table, and all queue messages of all queues, in LokiJS collections, and
//  - looks a table row up with findOne({ RowKey, PartitionKey }): LokiJS takes the index of the first field, RowKey, and
//    then scans every row with that RowKey. Durable's Instances table gives every instance the RowKey "", its History
//    table numbers rows the same in every instance, and LumoFlow's Cases table repeats its RowKeys in every case, so
//    every point read, insert, update, merge and delete scans one row per case;
//  - answers every table query, even `PartitionKey eq '…'`, by evaluating the filter on every row of the table;
//  - before every queue operation removes the expired messages with collection.remove([...]), and LokiJS marks all the
//    collection's indexes dirty on every batch removal, even of no message, so the next lookup sorts every message of
//    every queue again to rebuild its index; every dequeue marks the messages it hands out with collection.update([...]),
//    and LokiJS rebuilds every index (four full sorts of all messages) after every batch update, even of no message;
//    and it finds a queue's messages through its index on the account (one value for all messages).
// So under a sustained load each request costs time in proportion to what is stored, and the soak's limit is this
// emulator's, not the app's (docs/performance.md, "Stock Azurite's tables"). Azure Storage serves all of these from its
// indexes.
//
// What this changes, and nothing else:
//  1. Tables: findOne on a table's rows with exactly { RowKey, PartitionKey } asks for { PartitionKey, RowKey }, so
//     LokiJS narrows by the PartitionKey index first (one partition's rows), then by RowKey.
//  2. Tables: a query whose filter requires `PartitionKey eq '<string>'` (the whole filter, or a term of its top-level
//     `and`s) starts from that partition's rows (the same index) before Azurite's own filter, sort and paging run.
//  3. Queues: removing no expired message removes nothing and leaves the indexes as they are; a batch update updates the
//     messages one at a time, each keeping the indexes up to date as LokiJS does for a single update; a lookup of one
//     queue's messages narrows by the queue-name index first, then by the account and the rest of Azurite's own query.
"use strict";

const path = require("path");
const src = path.join(__dirname, "..", "node_modules", "azurite", "dist", "src");
const azurite = path.join(src, "table", "persistence");
const Store = require(path.join(azurite, "LokiTableMetadataStore")).default;
const QueueStore = require(path.join(src, "queue", "persistence", "LokiQueueMetadataStore")).default;
const parseQuery = require(path.join(azurite, "QueryInterpreter", "QueryParser")).default;
const AndNode = require(path.join(azurite, "QueryInterpreter", "QueryNodes", "AndNode")).default;
const EqualsNode = require(path.join(azurite, "QueryInterpreter", "QueryNodes", "EqualsNode")).default;
const IdentifierNode = require(path.join(azurite, "QueryInterpreter", "QueryNodes", "IdentifierNode")).default;
const ConstantNode = require(path.join(azurite, "QueryInterpreter", "QueryNodes", "ConstantNode")).default;

for (const [store, name] of [[Store, "getEntityCollection"], [Store, "queryTableEntities"], [QueueStore, "init"]])
  if (typeof store.prototype[name] !== "function") throw new Error(`azurite-indexed.js: Azurite has no ${name}; update this file`);

// 1. Point lookups by PartitionKey first.
const patched = Symbol("lumoflow.partitionFirst");
const getEntityCollection = Store.prototype.getEntityCollection;
Store.prototype.getEntityCollection = function (...args) {
  const collection = getEntityCollection.apply(this, args);
  if (collection && !collection[patched]) {
    const findOne = collection.findOne;
    collection.findOne = function (query) {
      if (query && typeof query === "object" && Object.keys(query).length === 2 && "RowKey" in query && "PartitionKey" in query)
        query = { PartitionKey: query.PartitionKey, RowKey: query.RowKey };
      return findOne.call(this, query);
    };
    collection[patched] = true;
  }
  return collection;
};

// 2. Queries within one partition start from that partition.
function requiredPartition(node) {
  if (node instanceof AndNode) return requiredPartition(node.left) ?? requiredPartition(node.right);
  if (!(node instanceof EqualsNode)) return undefined;
  const [id, value] = node.left instanceof IdentifierNode ? [node.left, node.right] : [node.right, node.left];
  return id instanceof IdentifierNode && id.identifier === "PartitionKey" && value instanceof ConstantNode && typeof value.value === "string"
    ? value.value
    : undefined;
}

const queryTableEntities = Store.prototype.queryTableEntities;
Store.prototype.queryTableEntities = function (context, account, table, queryOptions, ...rest) {
  let partition;
  try {
    partition = queryOptions && queryOptions.filter ? requiredPartition(parseQuery(queryOptions.filter)) : undefined;
  } catch {
    partition = undefined; // Azurite's own parse reports the error
  }
  if (partition === undefined) return queryTableEntities.call(this, context, account, table, queryOptions, ...rest);
  let collection;
  try {
    collection = this.getEntityCollection(account, table, context);
  } catch {
    return queryTableEntities.call(this, context, account, table, queryOptions, ...rest); // no such table: Azurite answers
  }
  // queryTableEntities calls collection.chain() synchronously, before its first await: the override below is in place
  // for exactly that call and gone when this returns.
  collection.chain = function (...chainArgs) {
    return Object.getPrototypeOf(this).chain.apply(this, chainArgs).find({ PartitionKey: partition });
  };
  try {
    return queryTableEntities.call(this, context, account, table, queryOptions, ...rest);
  } finally {
    delete collection.chain;
  }
};

// 3. Queue messages: no index rebuild after removing nothing or after updating a batch; one queue's messages through the
//    queue-name index.
const init = QueueStore.prototype.init;
QueueStore.prototype.init = async function (...args) {
  await init.apply(this, args);
  const messages = this.db.getCollection(this.MESSAGES_COLLECTION);
  if (!messages) throw new Error("azurite-indexed.js: Azurite's queue store has no messages collection; update this file");
  const collection = Object.getPrototypeOf(messages);
  messages.remove = function (doc) {
    if (Array.isArray(doc) && doc.length === 0) return;
    return collection.remove.call(this, doc);
  };
  messages.update = function (doc) {
    if (!Array.isArray(doc)) return collection.update.call(this, doc);
    for (const one of doc) collection.update.call(this, one);
  };
  messages.chain = function (...chainArgs) {
    const results = collection.chain.apply(this, chainArgs);
    const find = results.find;
    results.find = function (query, firstOnly) {
      if (query && typeof query === "object" && "accountName" in query && "queueName" in query && Object.keys(query)[0] !== "queueName")
        query = { queueName: query.queueName, ...query };
      return find.call(this, query, firstOnly);
    };
    return results;
  };
};
