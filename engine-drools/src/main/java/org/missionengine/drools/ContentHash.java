package org.missionengine.drools;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of what a rule pack was made from, as a report records it (docs/reports.md): of a single file, its
 * bytes, so that {@code sha256sum FILE} gives the same; of a pack of several files (a rule file with the pack.json
 * beside it included), each file in name order as its
 * name, a line break, its length in bytes in decimal, a line break and its bytes.
 */
final class ContentHash {
    private ContentHash() {
    }

    static String of(byte[] content) {
        return HexFormat.of().formatHex(digest().digest(content));
    }

    static String of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The hash of several files, by name: the order they are given in does not matter. */
    static String ofFiles(Map<String, byte[]> filesByName) {
        MessageDigest digest = digest();
        new TreeMap<>(filesByName).forEach((name, bytes) -> {
            digest.update((name + "\n" + bytes.length + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256, which every Java SE runtime must have", e);
        }
    }
}
