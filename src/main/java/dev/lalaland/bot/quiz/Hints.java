package dev.lalaland.bot.quiz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The rules of hints, without any storage: which wrong choice a player's hint takes away. It
 * depends only on the player and the question as asked, so asking again (a second click, a
 * restart) shows the same one, while players next to each other usually lose different ones.
 */
public final class Hints {
    private Hints() {
    }

    /** The index of the wrong choice that {@code userId}'s hint removes from round {@code roundId}. */
    public static int removedChoice(String userId, long roundId, int answer, int choices) {
        List<Integer> wrong = new ArrayList<>();
        for (int i = 0; i < choices; i++) {
            if (i != answer) {
                wrong.add(i);
            }
        }
        CRC32 crc = new CRC32();
        crc.update((userId + ":" + roundId).getBytes(StandardCharsets.UTF_8));
        return wrong.get((int) (crc.getValue() % wrong.size()));
    }
}
