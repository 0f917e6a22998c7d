package io.shardline.engine.api;

import io.shardline.items.DynamoException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a deserialized request before any operation sees it: every {@link Required} member is
 * present, and no list holds a null element nor any map a null value, anywhere in the request's
 * records. The answer names the member as DynamoDB does ({@code Value null at 'keySchema.1.keyType'
 * failed to satisfy constraint: Member must not be null}), so a missing member can never surface
 * later as an internal error.
 */
final class RequiredMembers {
    /** One record component: its name, its accessor, and whether it is required. */
    private record Member(String name, MethodHandle accessor, boolean required) {}

    private static final ClassValue<List<Member>> MEMBERS = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            return java.util.Arrays.stream(type.getRecordComponents())
                    .map(c -> member(lookup, c))
                    .toList();
        }
    };

    private RequiredMembers() {}

    private static Member member(MethodHandles.Lookup lookup, RecordComponent component) {
        try {
            return new Member(
                    component.getName(),
                    lookup.unreflect(component.getAccessor()),
                    component.isAnnotationPresent(Required.class));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("request records are public: " + component, e);
        }
    }

    /** Throws a ValidationException naming the first missing member or null element of {@code request}. */
    static void check(Object request) {
        checkValue(request, "");
    }

    private static void checkValue(Object value, String path) {
        if (value instanceof Record record && record.getClass().getPackage() == RequiredMembers.class.getPackage()) {
            for (Member member : MEMBERS.get(record.getClass())) {
                Object memberValue = read(member, record);
                String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
                if (memberValue == null) {
                    if (member.required()) {
                        throw missing(memberPath);
                    }
                } else {
                    checkValue(memberValue, memberPath);
                }
            }
        } else if (value instanceof Collection<?> elements) {
            int position = 1;
            for (Object element : elements) {
                if (element == null) {
                    throw missing(path + "." + position);
                }
                checkValue(element, path + "." + position);
                position++;
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    throw missing(path + "." + entry.getKey());
                }
                checkValue(entry.getValue(), path + "." + entry.getKey());
            }
        }
    }

    private static Object read(Member member, Record record) {
        try {
            return member.accessor().invoke(record);
        } catch (Throwable e) {
            throw new IllegalStateException("a record accessor cannot fail: " + member.name(), e);
        }
    }

    private static DynamoException missing(String path) {
        return DynamoException.validation("1 validation error detected: Value null at '" + path
                + "' failed to satisfy constraint: Member must not be null");
    }
}
