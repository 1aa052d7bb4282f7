package dev.lalaland.bot.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void foldsCaseAccentsPunctuationAndAmpersands() {
        assertThat(Normalizer.fold("  Sébastian  WILDER! ")).isEqualTo("sebastian wilder");
        assertThat(Normalizer.fold("J. K. Simmons")).isEqualTo("j k simmons");
        assertThat(Normalizer.fold("Mia & Sebastian's Theme")).isEqualTo("mia and sebastian s theme");
        assertThat(Normalizer.fold("&Co&")).isEqualTo("and co and");
        assertThat(Normalizer.fold("?!")).isEmpty();
        assertThat(Normalizer.fold(null)).isEmpty();
    }

    @Test
    void theAsciiShortcutFoldsExactlyAsTheFullRules() {
        String alphabet = "aZm09 &&..--''!?_\t\n/()éÉ";
        Random random = new Random(6);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                // mostly ASCII, so the shortcut is what gets compared
                text.append(alphabet.charAt(random.nextInt(random.nextInt(10) == 0 ? alphabet.length() : alphabet.length() - 2)));
            }
            assertThat(Normalizer.fold(text.toString())).as("'%s'", text).isEqualTo(Normalizer.foldFully(text.toString()));
        }
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "b";
            assertThat(Normalizer.fold(text)).as("char %d", (int) c).isEqualTo(Normalizer.foldFully(text));
        }
    }
}
