package io.shardline.engine.item;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks over item storage keys: a read-modify-write of items holds their stripes, so writes
 * to one item are linearizable while writes to other items proceed (and share log syncs). Several
 * stripes are always taken in ascending order, so transactions cannot deadlock.
 */
final class KeyLocks {
    private final ReentrantLock[] stripes;

    KeyLocks(int stripeCount) {
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    int stripeOf(byte[] storageKey) {
        return Math.floorMod(Arrays.hashCode(storageKey), stripes.length);
    }

    ReentrantLock stripe(int index) {
        return stripes[index];
    }
}
