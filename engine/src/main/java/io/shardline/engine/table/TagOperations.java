package io.shardline.engine.table;

import io.shardline.engine.api.Tag;
import io.shardline.engine.api.TagResource;
import io.shardline.engine.storage.Batch;
import io.shardline.engine.storage.Store;
import io.shardline.items.DynamoException;
import io.shardline.items.ErrorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource and ListTagsOfResource on tables, with DynamoDB's limits: at most 50
 * tags, keys of 1 to 128 and values of up to 256 characters from its allowed set, and no key
 * starting with {@code aws:}. Tags given at CreateTable are the table's first tags. Engine tags
 * ({@code shardline:}) configure a table at creation and cannot be added later.
 */
public final class TagOperations {
    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final String ENGINE_PREFIX = "shardline:";

    private final Store store;
    private final TableCatalog catalog;
    private final TableOperations tables;

    public TagOperations(Store store, TableCatalog catalog, TableOperations tables) {
        this.store = store;
        this.catalog = catalog;
        this.tables = tables;
    }

    public Map<String, Object> tagResource(TagResource.Request request) {
        List<Tag> given = checkTags(request.tags() == null ? List.of() : request.tags());
        if (given.isEmpty()) {
            throw DynamoException.validation("1 validation error detected: Value '[]' at 'tags' failed to satisfy "
                    + "constraint: Member must have length greater than or equal to 1");
        }
        for (Tag tag : given) {
            if (tag.key().startsWith(ENGINE_PREFIX)) {
                throw DynamoException.validation("Tag " + tag.key() + " configures a table at CreateTable only");
            }
        }
        Table table = tables.tableOfArn(request.resourceArn());
        change(table, tags -> given.forEach(tag -> tags.put(tag.key(), tag.value())));
        return TagResource.DONE;
    }

    public Map<String, Object> untagResource(TagResource.UntagRequest request) {
        if (request.tagKeys() == null || request.tagKeys().isEmpty()) {
            throw DynamoException.validation(
                    "1 validation error detected: Value '" + request.tagKeys()
                            + "' at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        Table table = tables.tableOfArn(request.resourceArn());
        change(table, tags -> request.tagKeys().forEach(tags::remove));
        return TagResource.DONE;
    }

    public TagResource.ListResponse listTagsOfResource(TagResource.ListRequest request) {
        return new TagResource.ListResponse(
                tables.tableOfArn(request.resourceArn()).definition().tags(), null);
    }

    private void change(Table table, Consumer<Map<String, String>> edit) {
        table.whileNoWrites(() -> {
            TableDefinition current = table.definition();
            Map<String, String> tags = new LinkedHashMap<>();
            current.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            edit.accept(tags);
            if (tags.size() > MAX_TAGS) {
                throw new DynamoException(
                        ErrorType.LIMIT_EXCEEDED,
                        "The number of tags of " + current.name() + " would be " + tags.size() + ", over the limit of "
                                + MAX_TAGS);
            }
            List<Tag> updated = new ArrayList<>();
            tags.forEach((key, value) -> updated.add(new Tag(key, value)));
            try (Batch batch = store.batch()) {
                catalog.redefine(table, current.withTags(updated), batch);
            }
            return null;
        });
    }

    /** Checks tags as DynamoDB does; returns them with each key once. */
    static List<Tag> checkTags(List<Tag> tags) {
        Set<String> keys = new HashSet<>();
        for (Tag tag : tags) {
            if (tag == null
                    || tag.key() == null
                    || tag.key().isEmpty()
                    || tag.key().length() > 128
                    || !ALLOWED.matcher(tag.key()).matches()) {
                throw DynamoException.validation("Invalid tag key " + (tag == null ? null : tag.key()) + ": a key has "
                        + "1 to 128 letters, digits, spaces and _ . : / = + - @");
            }
            if (tag.value() == null
                    || tag.value().length() > 256
                    || !ALLOWED.matcher(tag.value()).matches()) {
                throw DynamoException.validation("Invalid value of tag " + tag.key() + ": a value has up to 256 "
                        + "letters, digits, spaces and _ . : / = + - @");
            }
            if (tag.key().startsWith("aws:")) {
                throw DynamoException.validation(
                        "Invalid tag key " + tag.key() + ": keys starting with aws: are " + "reserved");
            }
            if (!keys.add(tag.key())) {
                throw DynamoException.invalidParameter("Duplicate tag key: " + tag.key());
            }
        }
        if (tags.size() > MAX_TAGS) {
            throw new DynamoException(
                    ErrorType.LIMIT_EXCEEDED, "At most " + MAX_TAGS + " tags per table, not " + tags.size());
        }
        return List.copyOf(tags);
    }
}
