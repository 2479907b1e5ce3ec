package dev.convene;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How long a text may be, counted as the vendor counts it: in characters (Unicode code points), in UTF-8
 * bytes, or both. A Chinese character is one character but three UTF-8 bytes, so a byte limit is what binds
 * Chinese text: Tencent Meeting's 512-byte subject holds 512 Latin letters but only 170 Chinese characters.
 *
 * @param maxCharacters the most characters, or {@link Limits#UNLIMITED}
 * @param maxBytes      the most UTF-8 bytes, or {@link Limits#UNLIMITED}
 * @param eitherSuffices true when a text within either limit is accepted (WeCom's meeting title, "at most 40
 *                      bytes or 20 characters": 40 Latin letters or 20 Chinese characters); false when a text
 *                      must keep both
 */
public record TextLimit(int maxCharacters, int maxBytes, boolean eitherSuffices) {
    public TextLimit {
        if (maxCharacters < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("text limits must be positive, were " + maxCharacters + " characters and " + maxBytes + " bytes");
        }
        if (eitherSuffices && (maxCharacters == Limits.UNLIMITED || maxBytes == Limits.UNLIMITED)) {
            throw new IllegalArgumentException("'either' needs both a character and a byte limit");
        }
    }

    /**
     * At most {@code n} characters, however many bytes. Like every factory here, it throws
     * {@link IllegalArgumentException} for a limit below 1.
     */
    public static TextLimit characters(int n) {
        return new TextLimit(n, Limits.UNLIMITED, false);
    }

    /** At most {@code n} UTF-8 bytes, however many characters. */
    public static TextLimit bytes(int n) {
        return new TextLimit(Limits.UNLIMITED, n, false);
    }

    /** At most {@code characters} characters and at most {@code bytes} UTF-8 bytes. */
    public static TextLimit both(int characters, int bytes) {
        return new TextLimit(characters, bytes, false);
    }

    /** Accepted when within {@code characters} characters, or within {@code bytes} UTF-8 bytes. */
    public static TextLimit either(int characters, int bytes) {
        return new TextLimit(characters, bytes, true);
    }

    public boolean allows(String text) {
        return violations("text", text).isEmpty();
    }

    /** One violation of {@code field} for each rule {@code text} breaks (both at once when both are broken); empty when it fits. */
    public List<Violation> violations(String field, String text) {
        int chars = text.codePointCount(0, text.length());
        // Counting bytes costs an encoding; a text cannot have more bytes than 4 per character, or fewer than 1.
        int bytes = maxBytes == Limits.UNLIMITED || (long) chars * 4 <= maxBytes ? chars : text.getBytes(StandardCharsets.UTF_8).length;
        boolean charsOk = chars <= maxCharacters;
        boolean bytesOk = bytes <= maxBytes;
        List<Violation> out = new ArrayList<>(2);
        if (eitherSuffices) {
            if (!charsOk && !bytesOk) {
                out.add(new Violation(field, "must be " + this + ", was " + chars + " characters and " + bytes + " bytes"));
            }
            return out;
        }
        if (!charsOk) {
            out.add(new Violation(field, "must be at most " + maxCharacters + " characters, was " + chars));
        }
        if (!bytesOk) {
            out.add(new Violation(field, "must be at most " + maxBytes + " bytes in UTF-8, was " + bytes));
        }
        return out;
    }

    /** The rule in words, e.g. {@code at most 20 characters or 40 bytes in UTF-8}. */
    @Override
    public String toString() {
        String c = "at most " + maxCharacters + " characters";
        String b = "at most " + maxBytes + " bytes in UTF-8";
        if (maxBytes == Limits.UNLIMITED) {
            return c;
        }
        if (maxCharacters == Limits.UNLIMITED) {
            return b;
        }
        return eitherSuffices ? "at most " + maxCharacters + " characters or " + maxBytes + " bytes in UTF-8" : c + " and " + b;
    }
}
