package dev.lalaland.bot.quiz;

import java.util.Locale;
import java.util.Optional;

/** The buttons of a quiz night's control panel, by the word their button id carries. */
enum HostControl {
    PAUSE("Pause"), RESUME("Resume"), SKIP("Skip question"), END("End night");

    final String label;

    HostControl(String label) {
        this.label = label;
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<HostControl> of(String id) {
        for (HostControl c : values()) {
            if (c.id().equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
