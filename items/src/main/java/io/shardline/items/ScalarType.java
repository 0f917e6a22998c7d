package io.shardline.items;

/** The types a key attribute may have. */
public enum ScalarType {
    S,
    N,
    B;

    /** Parses an AttributeType as it appears in AttributeDefinitions. */
    public static ScalarType parse(String name, String attribute) {
        for (ScalarType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw DynamoException.validation("1 validation error detected: Value '" + name
                + "' at 'attributeDefinitions." + attribute + ".attributeType' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [B, N, S]");
    }
}
