"""Walks the DynamoDB and DynamoDB Streams service models boto3 ships and sends every input member of
every operation to a Shardline engine, one member at a time beside the operation's required members,
with values made from the model's shapes (nested structures complete, so nested members are sent too).

Each request's answer is sorted into: answered (any answer but a refusal of the request's shape),
refused by name ("Unsupported parameter: X", an operation the engine does not serve) or failed
otherwise. Prints "OPERATION Name" for every operation of the models, one line per refusal,
"REFUSED Operation Member: message" (Member is "*" for an operation the engine does not serve), and a
closing count. Usage: model_walk.py ENDPOINT
"""
import sys

import boto3
import botocore.config
import botocore.exceptions

ENDPOINT = sys.argv[1]
TABLE = "Walk"
config = botocore.config.Config(retries={"max_attempts": 1}, connect_timeout=10, read_timeout=30,
                                parameter_validation=True)
clients = {service: boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1",
                                 aws_access_key_id="AKIDWALK", aws_secret_access_key="secret", config=config)
           for service in ("dynamodb", "dynamodbstreams")}
db = clients["dynamodb"]


def ensure_table():
    """The table every generated request names, with a stream; made again if a request deleted it."""
    try:
        return db.describe_table(TableName=TABLE)["Table"]
    except botocore.exceptions.ClientError:
        db.create_table(TableName=TABLE, BillingMode="PAY_PER_REQUEST",
                        AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                        KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
        return db.describe_table(TableName=TABLE)["Table"]


def named_value(name, table):
    """Values the engine can act on for members whose names say what they hold."""
    known = {
        "TableName": TABLE, "GlobalTableName": TABLE, "ResourceArn": table["TableArn"],
        "TableArn": table["TableArn"], "StreamArn": table.get("LatestStreamArn"),
        "AttributeName": "k", "IndexName": "byK", "Statement": 'SELECT * FROM "%s"' % TABLE,
    }
    return known.get(name)


def value_of(shape, name, table, depth=0):
    """A value of the shape the model allows (lengths, ranges, enums), from the member's name where it helps."""
    named = named_value(name, table)
    if named is not None and shape.type_name == "string":
        return named
    kind = shape.type_name
    if shape.name == "AttributeValue":
        return {"S": "v"}
    if kind == "structure":
        if depth > 6:
            return {}
        return {member: value_of(member_shape, member, table, depth + 1)
                for member, member_shape in shape.members.items()
                if not (shape.metadata.get("union") and member != next(iter(shape.members)))}
    if kind == "list":
        return [value_of(shape.member, name, table, depth + 1)]
    if kind == "map":
        key = TABLE if shape.key.name in ("TableName", "TableArn") else "k"
        return {key: value_of(shape.value, name, table, depth + 1)}
    if kind == "string":
        if shape.enum:
            return shape.enum[0]
        return "x" * max(1, shape.metadata.get("min", 1))
    if kind in ("integer", "long"):
        return max(1, shape.metadata.get("min", 1))
    if kind in ("double", "float"):
        return 1.0
    if kind == "boolean":
        return False
    if kind == "blob":
        return b"x"
    if kind == "timestamp":
        return 1700000000
    return None


def required_of(shape, table):
    return {member: value_of(shape.members[member], member, table) for member in shape.required_members}


refusals = []
sent = 0
for service, client in clients.items():
    model = client.meta.service_model
    for operation in model.operation_names:
        print("OPERATION %s" % operation)
        table = ensure_table()
        shape = model.operation_model(operation).input_shape
        members = list(shape.members) if shape is not None else []
        method = getattr(client, botocore.xform_name(operation))
        for member in members or [None]:
            request = required_of(shape, table) if shape is not None else {}
            if member is not None and member not in request:
                request[member] = value_of(shape.members[member], member, table)
            sent += 1
            try:
                method(**request)
            except botocore.exceptions.ParamValidationError as e:
                refusals.append((operation, member or "*", "the walk made an invalid request: %s" % e))
            except botocore.exceptions.ClientError as e:
                code = e.response["Error"]["Code"]
                message = e.response["Error"].get("Message", "")
                if code == "UnknownOperationException":
                    refusals.append((operation, "*", message))
                    break
                if message.startswith("Unsupported parameter"):
                    refusals.append((operation, message.split(": ", 1)[1], message))
            except botocore.exceptions.BotoCoreError as e:
                refusals.append((operation, member or "*", "no answer: %s" % e))

for operation, member, message in refusals:
    print("REFUSED %s %s: %s" % (operation, member, message))
print("model walk: %d requests, %d refusals" % (sent, len(refusals)))
