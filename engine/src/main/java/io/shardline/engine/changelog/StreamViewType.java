package io.shardline.engine.changelog;

import io.shardline.items.DynamoException;

/** What a stream's change records carry besides the keys. */
public enum StreamViewType {
    KEYS_ONLY(false, false),
    NEW_IMAGE(true, false),
    OLD_IMAGE(false, true),
    NEW_AND_OLD_IMAGES(true, true);

    private final boolean newImage;
    private final boolean oldImage;

    StreamViewType(boolean newImage, boolean oldImage) {
        this.newImage = newImage;
        this.oldImage = oldImage;
    }

    public boolean carriesNewImage() {
        return newImage;
    }

    public boolean carriesOldImage() {
        return oldImage;
    }

    public static StreamViewType parse(String name) {
        for (StreamViewType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw DynamoException.validation("1 validation error detected: Value '" + name + "' at "
                + "'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value "
                + "set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]");
    }
}
