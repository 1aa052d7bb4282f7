package dev.lalaland.bot.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The awards bodies a ceremony belongs to: the {@code /awards ceremony} choices. A new group is a
 * new constant here and in the {@code group} enum of {@code data/schema/awards.schema.json} (a test
 * checks they agree).
 */
public enum AwardGroup {
    OSCARS,
    GOLDEN_GLOBES,
    BAFTA,
    CRITICS_CHOICE,
    SAG,
    GUILDS,
    GRAMMYS,
    FESTIVALS,
    OTHER;

    /** The name users type and the data files use: {@code oscars}, {@code golden-globes}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether a ceremony's {@code group} is this one. */
    public boolean is(String id) {
        return id().equals(id);
    }

    /** Every id, in the order users see them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(AwardGroup::id).toList();
    }
}
