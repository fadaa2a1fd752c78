package cn.gdeea.examphoto.roster.internal;

import java.nio.charset.StandardCharsets;

/**
 * A set of 64-bit fingerprints, for finding duplicates in a file of 760,000 rows without holding
 * 760,000 strings (about 16 bytes a row instead of about 100). Open addressing; a collision of two
 * different strings has odds of about 10^-8 per import.
 */
final class LongHashSet {
    private long[] slots = new long[1 << 16];
    private boolean hasZero;
    private int size;

    /** Adds the string's fingerprint; false when it was there already. */
    boolean add(String value) {
        long h = fingerprint(value);
        if (h == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (size * 2 >= slots.length) {
            grow();
        }
        boolean added = insert(slots, h);
        if (added) {
            size++;
        }
        return added;
    }

    private boolean insert(long[] table, long h) {
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        return true;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (long h : old) {
            if (h != 0) {
                insert(slots, h);
            }
        }
    }

    /** FNV-1a over UTF-8, then a 64-bit finaliser to spread the bits. */
    static long fingerprint(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
