"""A boto3 session against a Shardline engine whose every answer is checked against the service models.

boto3 validates what it sends against the DynamoDB and DynamoDB Streams service models it ships; this
script also checks every raw JSON answer against the model's output shape (members, types, lengths,
patterns, enums, ranges), so that an answer a model-validating client would choke on later (a
sequence number it cannot send back, an unknown member) fails here. The session ends with the resource
API (batch_writer, Key() and Attr() conditions, legacy Expected and ScanFilter) and PartiQL. Usage: boto3_conformance.py ENDPOINT.
Prints one line per problem and a closing count; exits 1 on any problem.
"""
import json
import re
import sys
import time

from decimal import Decimal

import boto3
import botocore.config
import botocore.exceptions
from boto3.dynamodb.conditions import Attr, Key

ENDPOINT = sys.argv[1]
# Members DynamoDB added after the model of Debian's boto3 (1.26, from December 2022) and that DynamoDB
# describes on every table: checked like any other where the installed model has them, let through
# where it does not. Model-validating clients that old ignore them.
NEWER_THAN_MODEL = {"TableDescription": {"DeletionProtectionEnabled"}}
problems = []
checked = {"calls": 0}


def check(shape, value, path):
    if value is None:
        return
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected an object, got {value!r}")
            return
        for name, member in value.items():
            if name not in shape.members:
                if name not in NEWER_THAN_MODEL.get(shape.name, set()):
                    problems.append(f"{path}.{name}: member not in the model")
            else:
                check(shape.members[name], member, f"{path}.{name}")
    elif kind == "list":
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list, got {value!r}")
            return
        check_range(len(value), meta, path, "length")
        for i, item in enumerate(value):
            check(shape.member, item, f"{path}[{i}]")
    elif kind == "map":
        if not isinstance(value, dict):
            problems.append(f"{path}: expected a map, got {value!r}")
            return
        for key, item in value.items():
            check(shape.key, key, f"{path}<key {key}>")
            check(shape.value, item, f"{path}.{key}")
    elif kind == "string":
        if not isinstance(value, str):
            problems.append(f"{path}: expected a string, got {value!r}")
            return
        check_range(len(value), meta, path, "length")
        if shape.enum and value not in shape.enum:
            problems.append(f"{path}: {value!r} is not one of {shape.enum}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value):
            problems.append(f"{path}: {value!r} does not match {meta['pattern']}")
    elif kind in ("integer", "long"):
        if not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{path}: expected an integer, got {value!r}")
            return
        check_range(value, meta, path, "value")
    elif kind in ("double", "float", "timestamp"):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            problems.append(f"{path}: expected a number, got {value!r}")
    elif kind == "boolean":
        if not isinstance(value, bool):
            problems.append(f"{path}: expected a boolean, got {value!r}")
    elif kind == "blob":
        if not isinstance(value, str):
            problems.append(f"{path}: expected base64 text, got {value!r}")


def check_range(number, meta, path, what):
    if "min" in meta and number < meta["min"]:
        problems.append(f"{path}: {what} {number} is below the model's minimum {meta['min']}")
    if "max" in meta and number > meta["max"]:
        problems.append(f"{path}: {what} {number} is above the model's maximum {meta['max']}")


def validate_answer(http_response, model, **_):
    checked["calls"] += 1
    body = json.loads(http_response.content or b"{}")
    where = model.name
    if http_response.status_code != 200:
        if "__type" not in body or not ("message" in body or "Message" in body):
            problems.append(f"{where}: error answer without __type and message: {body!r}")
        return
    if model.output_shape is not None:
        check(model.output_shape, body, where)


def client(service):
    made = boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="AKIDTEST",
                        aws_secret_access_key="secret",
                        config=botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=30))
    made.meta.events.register("after-call.*.*", validate_answer)
    return made


def expect(condition, message):
    if not condition:
        problems.append("expectation failed: " + message)


def expect_error(code, call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except botocore.exceptions.ClientError as e:
        expect(e.response["Error"]["Code"] == code, f"{call.__name__} answered {e.response['Error']['Code']}, not {code}")
        return e
    problems.append(f"expectation failed: {call.__name__} succeeded, expected {code}")
    return None


db = client("dynamodb")
streams = client("dynamodbstreams")

# A table with a global and a local index, tags and a stream.
table = db.create_table(
    TableName="Boto3Orders",
    AttributeDefinitions=[{"AttributeName": n, "AttributeType": t} for n, t in
                          [("customer", "S"), ("orderId", "S"), ("orderStatus", "S"), ("amount", "N"), ("placedOn", "S")]],
    KeySchema=[{"AttributeName": "customer", "KeyType": "HASH"}, {"AttributeName": "orderId", "KeyType": "RANGE"}],
    GlobalSecondaryIndexes=[{"IndexName": "byStatus",
                             "KeySchema": [{"AttributeName": "orderStatus", "KeyType": "HASH"},
                                           {"AttributeName": "amount", "KeyType": "RANGE"}],
                             "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["product"]}}],
    LocalSecondaryIndexes=[{"IndexName": "byDate",
                            "KeySchema": [{"AttributeName": "customer", "KeyType": "HASH"},
                                          {"AttributeName": "placedOn", "KeyType": "RANGE"}],
                            "Projection": {"ProjectionType": "KEYS_ONLY"}}],
    BillingMode="PAY_PER_REQUEST",
    StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    Tags=[{"Key": "team", "Value": "orders"}, {"Key": "shardline:partitions", "Value": "1"}])["TableDescription"]
arn = table["LatestStreamArn"]
table_arn = table["TableArn"]
expect([i["IndexName"] for i in table["GlobalSecondaryIndexes"]] == ["byStatus"], "CreateTable names the global index")

for i in range(12):
    db.put_item(TableName="Boto3Orders", Item={
        "customer": {"S": "c%d" % (i % 3)}, "orderId": {"S": "o%02d" % i}, "orderStatus": {"S": "OPEN" if i % 2 else "DONE"},
        "amount": {"N": str(100 + i)}, "placedOn": {"S": "2026-11-%02d" % (i + 1)}, "product": {"S": "p%d" % i}})

# Global index: key condition, order, projection, paging.
query = db.query(TableName="Boto3Orders", IndexName="byStatus", KeyConditionExpression="orderStatus = :s AND amount > :a",
                 ExpressionAttributeValues={":s": {"S": "OPEN"}, ":a": {"N": "104"}}, Limit=2)
expect([item["orderId"]["S"] for item in query["Items"]] == ["o05", "o07"], "Query on byStatus in amount order: %r" % query["Items"])
rest = db.query(TableName="Boto3Orders", IndexName="byStatus", KeyConditionExpression="orderStatus = :s AND amount > :a",
                ExpressionAttributeValues={":s": {"S": "OPEN"}, ":a": {"N": "104"}}, ExclusiveStartKey=query["LastEvaluatedKey"])
expect([item["orderId"]["S"] for item in rest["Items"]] == ["o09", "o11"], "the second page continues: %r" % rest["Items"])
expect(set(query["Items"][0]) == {"customer", "orderId", "orderStatus", "amount", "product"}, "INCLUDE projection")
local = db.query(TableName="Boto3Orders", IndexName="byDate", KeyConditionExpression="customer = :c",
                 ExpressionAttributeValues={":c": {"S": "c1"}}, ScanIndexForward=False)
expect([item["orderId"]["S"] for item in local["Items"]] == ["o10", "o07", "o04", "o01"], "local index, newest first")
segments = [db.scan(TableName="Boto3Orders", IndexName="byStatus", Segment=s, TotalSegments=2)["Count"] for s in (0, 1)]
expect(sum(segments) == 12, "a parallel scan of the index finds every entry: %r" % segments)
expect_error("ValidationException", db.query, TableName="Boto3Orders", IndexName="missing",
             KeyConditionExpression="customer = :c", ExpressionAttributeValues={":c": {"S": "c1"}})
expect_error("ValidationException", db.query, TableName="Boto3Orders", IndexName="byStatus", ConsistentRead=True,
             KeyConditionExpression="orderStatus = :s", ExpressionAttributeValues={":s": {"S": "OPEN"}})
expect_error("ValidationException", db.put_item, TableName="Boto3Orders",
             Item={"customer": {"S": "c9"}, "orderId": {"S": "bad"}, "orderStatus": {"N": "1"}})

# A global index added later is backfilled, then deleted.
db.update_table(TableName="Boto3Orders", AttributeDefinitions=[{"AttributeName": "product", "AttributeType": "S"}],
                GlobalSecondaryIndexUpdates=[{"Create": {"IndexName": "byProduct",
                                                         "KeySchema": [{"AttributeName": "product", "KeyType": "HASH"}],
                                                         "Projection": {"ProjectionType": "ALL"}}}])
deadline = time.time() + 60
while True:
    indexes = {i["IndexName"]: i for i in db.describe_table(TableName="Boto3Orders")["Table"]["GlobalSecondaryIndexes"]}
    if indexes["byProduct"]["IndexStatus"] == "ACTIVE" or time.time() > deadline:
        break
    time.sleep(0.05)
expect(indexes["byProduct"]["IndexStatus"] == "ACTIVE" and indexes["byProduct"]["ItemCount"] == 12, "byProduct backfilled: %r" % indexes["byProduct"])
found = db.query(TableName="Boto3Orders", IndexName="byProduct", KeyConditionExpression="product = :p",
                 ExpressionAttributeValues={":p": {"S": "p3"}})["Items"]
expect([item["orderId"]["S"] for item in found] == ["o03"], "the backfilled index answers queries")
db.update_table(TableName="Boto3Orders", GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byProduct"}}])
expect([i["IndexName"] for i in db.describe_table(TableName="Boto3Orders")["Table"]["GlobalSecondaryIndexes"]] == ["byStatus"],
       "byProduct deleted")

# Tags.
db.tag_resource(ResourceArn=table_arn, Tags=[{"Key": "env", "Value": "test"}, {"Key": "team", "Value": "search"}])
db.untag_resource(ResourceArn=table_arn, TagKeys=["env"])
tags = {t["Key"]: t["Value"] for t in db.list_tags_of_resource(ResourceArn=table_arn)["Tags"]}
expect(tags == {"team": "search", "shardline:partitions": "1"}, "tags after tag and untag: %r" % tags)
expect_error("ResourceNotFoundException", db.list_tags_of_resource, ResourceArn=table_arn + "Missing")

# The describe calls infrastructure tools make first.
backups = db.describe_continuous_backups(TableName="Boto3Orders")["ContinuousBackupsDescription"]
expect(backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "DISABLED", "PITR is reported DISABLED")
expect_error("ValidationException", db.update_continuous_backups, TableName="Boto3Orders",
             PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": True})
expect_error("TableNotFoundException", db.describe_continuous_backups, TableName="NoSuchTable")
expect(db.describe_limits()["TableMaxWriteCapacityUnits"] > 0, "DescribeLimits answers")
expect(len(db.describe_endpoints()["Endpoints"]) == 1, "DescribeEndpoints answers")

# Other answers a session sees, each checked against the models by the hook above.
db.list_tables()
db.describe_time_to_live(TableName="Boto3Orders")
db.update_time_to_live(TableName="Boto3Orders", TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
db.get_item(TableName="Boto3Orders", Key={"customer": {"S": "c0"}, "orderId": {"S": "o00"}})
db.batch_get_item(RequestItems={"Boto3Orders": {"Keys": [{"customer": {"S": "c0"}, "orderId": {"S": "o00"}}]}})
db.transact_get_items(TransactItems=[{"Get": {"TableName": "Boto3Orders",
                                              "Key": {"customer": {"S": "c0"}, "orderId": {"S": "o00"}}}}])
db.scan(TableName="Boto3Orders", Limit=5)
expect_error("ConditionalCheckFailedException", db.put_item, TableName="Boto3Orders",
             Item={"customer": {"S": "c0"}, "orderId": {"S": "o00"}}, ConditionExpression="attribute_not_exists(customer)")
streams.list_streams()
streams.list_streams(TableName="Boto3Orders")

# The stream: read it all, then resume AT and AFTER a sequence number it handed out.
shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
records = streams.get_records(ShardIterator=iterator)["Records"]
expect(len(records) == 12, "twelve INSERTs in the stream, index maintenance adds none: %d" % len(records))
numbers = [r["dynamodb"]["SequenceNumber"] for r in records]
expect(all(21 <= len(n) <= 40 and n.isdigit() for n in numbers), "sequence numbers of 21 to 40 digits: %r" % numbers[:2])
expect([int(n) for n in numbers] == sorted(int(n) for n in numbers), "sequence numbers increase")
for kind, first in (("AT_SEQUENCE_NUMBER", 5), ("AFTER_SEQUENCE_NUMBER", 6)):
    resumed = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType=kind,
                                         SequenceNumber=numbers[5])["ShardIterator"]
    again = streams.get_records(ShardIterator=resumed)["Records"]
    expect([r["dynamodb"]["SequenceNumber"] for r in again] == numbers[first:], kind + " resumes where it says")
expect_error("ValidationException", streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
             ShardIteratorType="AFTER_SEQUENCE_NUMBER", SequenceNumber="9" * 40)

# The resource API as applications use it: batch_writer, put_item, Key() and Attr() conditions, the
# legacy Expected and ScanFilter it passes through; Python values in, Python values out.
resource = boto3.resource("dynamodb", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id="AKIDTEST",
                          aws_secret_access_key="secret")
resource.meta.client.meta.events.register("after-call.*.*", validate_answer)
scores = resource.create_table(TableName="Boto3Scores", BillingMode="PAY_PER_REQUEST",
                               KeySchema=[{"AttributeName": "player", "KeyType": "HASH"},
                                          {"AttributeName": "game", "KeyType": "RANGE"}],
                               AttributeDefinitions=[{"AttributeName": "player", "AttributeType": "S"},
                                                     {"AttributeName": "game", "AttributeType": "N"}])
scores.wait_until_exists()
with scores.batch_writer() as batch:
    for i in range(30):
        batch.put_item(Item={"player": "p%d" % (i % 3), "game": i, "score": Decimal(i * 10), "tags": {"a", "b"}})
scores.put_item(Item={"player": "p9", "game": 1, "score": Decimal("1.5"), "meta": {"x": [1, "y", None, True]}})
found = scores.query(KeyConditionExpression=Key("player").eq("p1") & Key("game").between(4, 16))["Items"]
expect([int(i["game"]) for i in found] == [4, 7, 10, 13, 16], "resource query with Key(): %r" % found)
high = scores.scan(FilterExpression=Attr("score").gte(250) & Attr("tags").contains("a"))["Items"]
expect(sorted(int(i["game"]) for i in high) == [25, 26, 27, 28, 29], "resource scan with Attr(): %r" % high)
kept = scores.get_item(Key={"player": "p9", "game": 1})["Item"]
expect(kept["meta"] == {"x": [Decimal(1), "y", None, True]} and kept["score"] == Decimal("1.5"),
       "Python values come back as they went in: %r" % kept)
scores.update_item(Key={"player": "p9", "game": 1}, UpdateExpression="ADD score :d",
                   ExpressionAttributeValues={":d": Decimal(1)})
expect(scores.get_item(Key={"player": "p9", "game": 1})["Item"]["score"] == Decimal("2.5"), "ADD on a number")
scores.put_item(Item={"player": "p9", "game": 2}, Expected={"player": {"Exists": False}})
expect_error("ConditionalCheckFailedException", scores.put_item, Item={"player": "p9", "game": 2},
             Expected={"player": {"Exists": False}})
legacy = scores.scan(ScanFilter={"score": {"AttributeValueList": [Decimal(250)], "ComparisonOperator": "GE"}})["Items"]
expect(sorted(int(i["game"]) for i in legacy) == [25, 26, 27, 28, 29], "legacy ScanFilter: %r" % legacy)

# PartiQL, as the console's editor and NoSQL Workbench send it.
selected = db.execute_statement(Statement='SELECT score FROM "Boto3Scores" WHERE player = ? AND game = ?',
                                Parameters=[{"S": "p9"}, {"N": "1"}])["Items"]
expect(selected == [{"score": {"N": "2.5"}}], "PartiQL SELECT by key: %r" % selected)
db.execute_statement(Statement="INSERT INTO \"Boto3Scores\" VALUE {'player': 'p8', 'game': 1, 'score': 5}")
expect_error("DuplicateItemException", db.execute_statement,
             Statement="INSERT INTO \"Boto3Scores\" VALUE {'player': 'p8', 'game': 1}")
batch = db.batch_execute_statement(Statements=[
    {"Statement": "UPDATE \"Boto3Scores\" SET score = score + 1 WHERE player = 'p8' AND game = 1"},
    {"Statement": "UPDATE \"Boto3Scores\" SET score = 1 WHERE player = 'p8' AND game = 2"}])["Responses"]
expect("Error" not in batch[0] and batch[1]["Error"]["Code"] == "ConditionalCheckFailed", "batch answers: %r" % batch)
db.execute_transaction(TransactStatements=[
    {"Statement": "DELETE FROM \"Boto3Scores\" WHERE player = 'p8' AND game = 1 AND score = 6"}])
expect(db.execute_statement(Statement="SELECT * FROM \"Boto3Scores\" WHERE player = 'p8'")["Items"] == [],
       "the transaction's DELETE applied")

for problem in problems:
    print("PROBLEM " + problem)
print("boto3 conformance: %d answers checked against the service models, %d problems" % (checked["calls"], len(problems)))
sys.exit(1 if problems else 0)
