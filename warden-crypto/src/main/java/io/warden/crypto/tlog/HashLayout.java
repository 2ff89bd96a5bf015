package io.warden.crypto.tlog;

/**
 * Where the hash of each complete, aligned subtree lives in a log's hash file: the order of Go's
 * {@code golang.org/x/mod/sumdb/tlog} ("stored hashes").
 *
 * <p>After entry {@code n} is appended, the file gains that entry's leaf hash, then the hash of every subtree the
 * entry completes, level by level upwards. So the file only ever grows at its end, the first {@code n} entries own
 * exactly the first {@link #storedHashCount(long) 2n - popcount(n)} hashes, and the hash of the subtree at
 * {@code level} (covering {@code 2^level} entries) with position {@code index} on that level sits at
 * {@link #storedHashIndex(int, long)}.
 */
final class HashLayout {
    private HashLayout() {}

    /** The position in the hash file of the hash of subtree {@code index} at {@code level}. */
    static long storedHashIndex(int level, long index) {
        long n = index;
        for (int l = level; l > 0; l--) n = 2 * n + 1;
        long i = 0;
        for (; n > 0; n >>>= 1) i += n;
        return i + level;
    }

    /** How many hashes the first {@code n} entries store. */
    static long storedHashCount(long n) {
        return 2 * n - Long.bitCount(n);
    }

    /** The largest number of entries whose hashes all fit in {@code hashes} stored hashes. */
    static long entriesCovered(long hashes) {
        long lo = 0;
        long hi = hashes;
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (storedHashCount(mid) <= hashes) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
