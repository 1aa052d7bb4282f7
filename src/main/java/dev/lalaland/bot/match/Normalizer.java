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
        String decomposed = java.text.Normalizer.normalize(text, Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").replace("&", " and ");
        return NOT_WORD.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
