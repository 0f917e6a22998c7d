package io.shardline.connector.codec;

import io.shardline.items.AttributeValue;
import io.shardline.items.Bytes;
import io.shardline.items.DynamoNumber;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.annotation.Internal;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Converts items between the AWS SDK's attribute values and Shardline's item model, so that the
 * connector and the jobs use the one DynamoDB JSON codec and the one expression evaluator the engine
 * uses: the semantics DynamoDB users know.
 */
@Internal
public final class SdkItems {
    private SdkItems() {}

    /**
     * The item as Shardline's model, each attribute converted when first read: an expression that
     * reads two attributes of a wide item converts two. The view is read-only and not thread-safe.
     */
    public static Map<String, AttributeValue> view(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return new LazyView(item);
    }

    public static Map<String, AttributeValue> toItem(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toItem(value)));
        return converted;
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
            Map<String, AttributeValue> item) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted = new LinkedHashMap<>();
        item.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    public static AttributeValue toItem(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        return switch (value.type()) {
            case S -> new AttributeValue.S(value.s());
            case N -> AttributeValue.N.of(value.n());
            case B -> new AttributeValue.B(Bytes.copyOf(value.b().asByteArrayUnsafe()));
            case BOOL -> new AttributeValue.BOOL(value.bool());
            case NUL -> new AttributeValue.NULL();
            case M -> new AttributeValue.M(toItem(value.m()));
            case L ->
                new AttributeValue.L(value.l().stream().map(SdkItems::toItem).toList());
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

    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
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

    private static final class LazyView extends AbstractMap<String, AttributeValue> {
        private final Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> source;
        private final Map<String, AttributeValue> converted = new HashMap<>();

        LazyView(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> source) {
            this.source = source;
        }

        @Override
        public AttributeValue get(Object name) {
            AttributeValue value = converted.get(name);
            if (value == null) {
                software.amazon.awssdk.services.dynamodb.model.AttributeValue original = source.get(name);
                if (original == null) {
                    return null;
                }
                value = toItem(original);
                converted.put((String) name, value);
            }
            return value;
        }

        @Override
        public boolean containsKey(Object name) {
            return source.containsKey(name);
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public Set<Entry<String, AttributeValue>> entrySet() {
            Set<Entry<String, AttributeValue>> entries = new LinkedHashSet<>();
            source.keySet().forEach(name -> entries.add(new SimpleImmutableEntry<>(name, get(name))));
            return entries;
        }
    }
}
