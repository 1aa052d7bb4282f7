package dev.lalaland.bot.match;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Pattern;

/** Folds text for matching: lower case, no accents, punctuation as spaces, single spaces. */
public final class Normalizer {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Normalizer() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return isAscii(text) ? foldAscii(text) : foldFully(text);
    }

    /** The rules for any text: decompose, drop accents, {@code &} as "and", letters and digits only. */
    static String foldFully(String text) {
        String decomposed = java.text.Normalizer.normalize(text, Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace("&", " and ");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same rules in one pass, for the usual case of plain ASCII: names are folded on every
     * command and keystroke, and the normaliser and two regexes were most of a lookup in the benchmark.
     */
    private static String foldAscii(String text) {
        StringBuilder out = new StringBuilder(text.length() + 4);
        boolean gap = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c - 'A' + 'a');
            }
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && !out.isEmpty()) {
                    out.append(' ');
                }
                gap = false;
                out.append(c);
            } else if (c == '&') {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append("and");
                gap = true;
            } else {
                gap = true;
            }
        }
        return out.toString();
    }
}
