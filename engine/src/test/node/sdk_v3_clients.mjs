// The AWS SDK for JavaScript v3 against a Shardline engine, as a Node.js application uses it: the
// low-level client (CRUD, a transaction, PartiQL), the DocumentClient of lib-dynamodb, and the DynamoDB
// Streams client reading what those writes made. Usage: node sdk_v3_clients.mjs ENDPOINT
// Prints one line per problem and a closing count; exits 1 on any problem.
import {
  CreateTableCommand, DeleteItemCommand, DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand,
  TransactWriteItemsCommand, TransactionCanceledException, UpdateItemCommand, ConditionalCheckFailedException,
  ExecuteStatementCommand,
} from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand,
} from "@aws-sdk/client-dynamodb-streams";

const endpoint = process.argv[2];
const config = { endpoint, region: "us-east-1", credentials: { accessKeyId: "AKIDNODE", secretAccessKey: "secret" } };
const client = new DynamoDBClient(config);
const documents = DynamoDBDocumentClient.from(client);
const streams = new DynamoDBStreamsClient(config);
const problems = [];
let checks = 0;

function expect(what, actual, expected) {
  checks++;
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) {
    problems.push(`${what}: expected ${e}, got ${a}`);
  }
}

async function refused(what, errorClass, call) {
  checks++;
  try {
    await call();
    problems.push(`${what}: expected ${errorClass.name}, but it succeeded`);
  } catch (e) {
    if (!(e instanceof errorClass)) {
      problems.push(`${what}: expected ${errorClass.name}, got ${e.name}: ${e.message}`);
    }
  }
}

const created = await client.send(new CreateTableCommand({
  TableName: "Carts",
  AttributeDefinitions: [{ AttributeName: "user", AttributeType: "S" }, { AttributeName: "line", AttributeType: "N" }],
  KeySchema: [{ AttributeName: "user", KeyType: "HASH" }, { AttributeName: "line", KeyType: "RANGE" }],
  BillingMode: "PAY_PER_REQUEST",
  StreamSpecification: { StreamEnabled: true, StreamViewType: "NEW_AND_OLD_IMAGES" },
  DeletionProtectionEnabled: false,
}));
expect("CreateTable status", created.TableDescription.TableStatus, "ACTIVE");
const streamArn = created.TableDescription.LatestStreamArn;

await client.send(new PutItemCommand({
  TableName: "Carts",
  Item: { user: { S: "ann" }, line: { N: "1" }, sku: { S: "tea" }, qty: { N: "2" }, tags: { SS: ["gift"] } },
  ConditionExpression: "attribute_not_exists(#u)",
  ExpressionAttributeNames: { "#u": "user" },
}));
await refused("a second create of the same line", ConditionalCheckFailedException, () => client.send(new PutItemCommand({
  TableName: "Carts", Item: { user: { S: "ann" }, line: { N: "1" } }, ConditionExpression: "attribute_not_exists(#u)",
  ExpressionAttributeNames: { "#u": "user" },
})));
const updated = await client.send(new UpdateItemCommand({
  TableName: "Carts", Key: { user: { S: "ann" }, line: { N: "1" } },
  UpdateExpression: "SET qty = qty + :one ADD tags :more", ExpressionAttributeValues: { ":one": { N: "1" }, ":more": { SS: ["sale"] } },
  ReturnValues: "UPDATED_NEW",
}));
expect("UpdateItem UPDATED_NEW qty", updated.Attributes.qty, { N: "3" });
const got = await client.send(new GetItemCommand({ TableName: "Carts", Key: { user: { S: "ann" }, line: { N: "1" } }, ConsistentRead: true }));
expect("GetItem tags", [...got.Item.tags.SS].sort(), ["gift", "sale"]);

await documents.send(new PutCommand({ TableName: "Carts", Item: { user: "bob", line: 1, sku: "cake", qty: 1, note: { wrap: true, words: ["happy", 30] } } }));
await documents.send(new PutCommand({ TableName: "Carts", Item: { user: "bob", line: 2, sku: "cups", qty: 6 } }));
await documents.send(new UpdateCommand({ TableName: "Carts", Key: { user: "bob", line: 2 }, UpdateExpression: "SET qty = :q", ExpressionAttributeValues: { ":q": 8 } }));
const bob = await documents.send(new QueryCommand({
  TableName: "Carts", KeyConditionExpression: "#u = :u AND line BETWEEN :a AND :b",
  ExpressionAttributeNames: { "#u": "user" }, ExpressionAttributeValues: { ":u": "bob", ":a": 1, ":b": 9 },
}));
expect("DocumentClient query", bob.Items.map(i => [i.line, i.sku, i.qty]), [[1, "cake", 1], [2, "cups", 8]]);
const cake = await documents.send(new GetCommand({ TableName: "Carts", Key: { user: "bob", line: 1 } }));
expect("DocumentClient nested map", cake.Item.note, { wrap: true, words: ["happy", 30] });

await client.send(new TransactWriteItemsCommand({
  TransactItems: [
    { Update: { TableName: "Carts", Key: { user: { S: "ann" }, line: { N: "1" } }, UpdateExpression: "SET qty = :z", ConditionExpression: "qty = :three", ExpressionAttributeValues: { ":z": { N: "0" }, ":three": { N: "3" } } } },
    { Delete: { TableName: "Carts", Key: { user: { S: "bob" }, line: { N: "2" } } } },
  ],
}));
await refused("a transaction whose condition fails", TransactionCanceledException, () => client.send(new TransactWriteItemsCommand({
  TransactItems: [
    { Put: { TableName: "Carts", Item: { user: { S: "cid" }, line: { N: "1" } } } },
    { ConditionCheck: { TableName: "Carts", Key: { user: { S: "ann" }, line: { N: "1" } }, ConditionExpression: "qty = :nine", ExpressionAttributeValues: { ":nine": { N: "9" } } } },
  ],
})));
const cid = await client.send(new GetItemCommand({ TableName: "Carts", Key: { user: { S: "cid" }, line: { N: "1" } } }));
expect("nothing of a cancelled transaction written", cid.Item, undefined);
await client.send(new DeleteItemCommand({ TableName: "Carts", Key: { user: { S: "bob" }, line: { N: "1" } } }));
const described = await client.send(new DescribeTableCommand({ TableName: "Carts" }));
expect("item count", described.Table.ItemCount, 1);

await client.send(new ExecuteStatementCommand({ Statement: `INSERT INTO "Carts" VALUE {'user': 'dan', 'line': 1, 'sku': 'jam'}` }));
const partiql = await client.send(new ExecuteStatementCommand({
  Statement: `SELECT sku FROM "Carts" WHERE "user" = ? AND line = ?`, Parameters: [{ S: "dan" }, { N: "1" }],
}));
expect("PartiQL SELECT", partiql.Items, [{ sku: { S: "jam" } }]);

const events = [];
const description = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
for (const shard of description.StreamDescription.Shards) {
  let iterator = (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: "TRIM_HORIZON" }))).ShardIterator;
  while (iterator) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    for (const record of page.Records) {
      events.push(`${record.eventName} ${record.dynamodb.Keys.user.S}/${record.dynamodb.Keys.line.N}`);
    }
    iterator = page.Records.length === 0 && shard.SequenceNumberRange.EndingSequenceNumber === undefined ? null : page.NextShardIterator;
  }
}
expect("stream records, in order per key", events.filter(e => e.endsWith("ann/1")), ["INSERT ann/1", "MODIFY ann/1", "MODIFY ann/1"]);
expect("a PartiQL INSERT in the stream", events.filter(e => e.includes("dan/")), ["INSERT dan/1"]);
expect("stream records of bob", events.filter(e => e.includes("bob/")).sort(),
  ["INSERT bob/1", "INSERT bob/2", "MODIFY bob/2", "REMOVE bob/1", "REMOVE bob/2"]);

for (const problem of problems) {
  console.log(`PROBLEM ${problem}`);
}
console.log(`js sdk v3: ${checks} checks, ${problems.length} problems`);
process.exit(problems.length === 0 ? 0 : 1);
