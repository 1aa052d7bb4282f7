package dev.lalaland.bot.config;

import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.UserText;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The daily post's time of day as an admin types it: 24-hour {@code HH:MM} ({@code 9:00} too). */
final class PostTimeInput {
    private static final Pattern HH_MM = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private PostTimeInput() {
    }

    static LocalTime parse(String text) {
        Matcher m = HH_MM.matcher(text == null ? "" : text.strip());
        if (m.matches()) {
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(m.group(2));
            if (hour < 24 && minute < 60) {
                return LocalTime.of(hour, minute);
            }
        }
        throw new UserInputException(UserText.quoted(text, 20)
                + " is not a time. Use 24-hour `HH:MM`, from `00:00` to `23:59`, such as `09:00` or `21:30`.");
    }
}
