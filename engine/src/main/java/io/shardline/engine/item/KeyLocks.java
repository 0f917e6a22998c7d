package io.shardline.engine.item;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over item storage keys: a read-modify-write of one item holds its stripe, so writes
 * to one item are linearizable while writes to other items proceed (and share log syncs).
 */
final class KeyLocks {
    private final ReentrantLock[] stripes;

    KeyLocks(int stripeCount) {
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock forKey(byte[] storageKey) {
        return stripes[Math.floorMod(Arrays.hashCode(storageKey), stripes.length)];
    }
}
