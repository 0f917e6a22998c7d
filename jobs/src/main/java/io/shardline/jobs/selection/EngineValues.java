package io.shardline.jobs.selection;

import io.shardline.engine.model.AttributeValue;
import io.shardline.engine.model.Bytes;
import io.shardline.engine.model.DynamoNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Converts items between the AWS SDK's attribute values and the engine's, so that filters and
 * projections run on the engine's own expression evaluator: the semantics DynamoDB users know.
 */
final class EngineValues {
    private EngineValues() {}

    static Map<String, AttributeValue> toEngine(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toEngine(value)));
        return converted;
    }

    static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> item) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    private static AttributeValue toEngine(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> new AttributeValue.S(value.s());
            case N -> AttributeValue.N.of(value.n());
            case B -> new AttributeValue.B(Bytes.copyOf(value.b().asByteArrayUnsafe()));
            case BOOL -> new AttributeValue.BOOL(value.bool());
            case NUL -> new AttributeValue.NULL();
            case M -> new AttributeValue.M(toEngine(value.m()));
            case L ->
                new AttributeValue.L(
                        value.l().stream().map(EngineValues::toEngine).toList());
            case SS -> AttributeValue.SS.of(value.ss());
            case NS ->
                AttributeValue.NS.of(
                        value.ns().stream().map(DynamoNumber::parse).toList());
            case BS ->
                AttributeValue.BS.of(value.bs().stream()
                        .map(b -> Bytes.copyOf(b.asByteArrayUnsafe()))
                        .toList());
            default -> throw new IllegalArgumentException("An attribute value of unknown type: " + value);
        };
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(
                    n.value().toString());
        }
        if (value instanceof AttributeValue.B b) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(
                    SdkBytes.fromByteArrayUnsafe(b.value().toArray()));
        }
        if (value instanceof AttributeValue.BOOL bool) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(bool.value());
        }
        if (value instanceof AttributeValue.NULL) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true);
        }
        if (value instanceof AttributeValue.M m) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(toSdk(m.value()));
        }
        if (value instanceof AttributeValue.L l) {
            List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> elements = new ArrayList<>();
            l.value().forEach(element -> elements.add(toSdk(element)));
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(elements);
        }
        if (value instanceof AttributeValue.SS ss) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(List.copyOf(ss.value()));
        }
        if (value instanceof AttributeValue.NS ns) {
            return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs(
                    ns.value().stream().map(DynamoNumber::toString).toList());
        }
        AttributeValue.BS bs = (AttributeValue.BS) value;
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBs(bs.value().stream()
                .map(b -> SdkBytes.fromByteArrayUnsafe(b.toArray()))
                .toList());
    }
}
