package io.shardline.items;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One DynamoDB attribute value of any of the ten types. Values are immutable; sets are validated on
 * construction (non-empty, no duplicates) and compare equal regardless of element order.
 */
public sealed interface AttributeValue {
    /** DynamoDB's limit on nested maps and lists: a document at most this many levels deep. */
    int MAX_DEPTH = 32;

    /** The DynamoDB type descriptor: "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS" or "BS". */
    String type();

    record S(String value) implements AttributeValue {
        public String type() {
            return "S";
        }
    }

    record N(DynamoNumber value) implements AttributeValue {
        public static N of(String text) {
            return new N(DynamoNumber.parse(text));
        }

        public String type() {
            return "N";
        }
    }

    record B(Bytes value) implements AttributeValue {
        public String type() {
            return "B";
        }
    }

    record BOOL(boolean value) implements AttributeValue {
        public String type() {
            return "BOOL";
        }
    }

    record NULL() implements AttributeValue {
        public String type() {
            return "NULL";
        }
    }

    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(value));
        }

        public String type() {
            return "M";
        }
    }

    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = List.copyOf(value);
        }

        public String type() {
            return "L";
        }
    }

    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = checkedSet("SS", value);
        }

        public static SS of(Collection<String> elements) {
            return new SS(uniqueElements("SS", elements));
        }

        public String type() {
            return "SS";
        }
    }

    record NS(Set<DynamoNumber> value) implements AttributeValue {
        public NS {
            value = checkedSet("NS", value);
        }

        public static NS of(Collection<DynamoNumber> elements) {
            return new NS(uniqueElements("NS", elements));
        }

        public String type() {
            return "NS";
        }
    }

    record BS(Set<Bytes> value) implements AttributeValue {
        public BS {
            value = checkedSet("BS", value);
        }

        public static BS of(Collection<Bytes> elements) {
            return new BS(uniqueElements("BS", elements));
        }

        public String type() {
            return "BS";
        }
    }

    private static <T> Set<T> checkedSet(String type, Set<T> elements) {
        if (elements.isEmpty()) {
            throw DynamoException.invalidParameter("An " + type + " set may not be empty");
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(elements));
    }

    /** Builds a set from a list as it arrived on the wire, rejecting duplicates as DynamoDB does. */
    private static <T> Set<T> uniqueElements(String type, Collection<T> elements) {
        Set<T> unique = new LinkedHashSet<>(elements);
        if (unique.size() != elements.size()) {
            String shown = elements.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
            throw DynamoException.invalidParameter(
                    "Input collection " + shown + " of type " + type + " contains duplicates.");
        }
        return unique;
    }
}
