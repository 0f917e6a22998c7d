package io.shardline.engine.server;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 checking of request bodies: overlong forms, surrogates and truncated sequences are
 * refused, never repaired, so two different byte strings can never become one key. Bodies that are
 * all ASCII (most) are checked with one pass over the bytes.
 */
final class Utf8 {
    private Utf8() {}

    /** The index of the first byte of the first invalid sequence, or -1 when all of it is valid UTF-8. */
    static int firstInvalidByte(byte[] bytes) {
        int i = 0;
        while (i < bytes.length && bytes[i] >= 0) {
            i++;
        }
        if (i == bytes.length) {
            return -1;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer rest = ByteBuffer.wrap(bytes, i, bytes.length - i);
        try {
            decoder.decode(rest);
            return -1;
        } catch (CharacterCodingException e) {
            return rest.position();
        }
    }
}
