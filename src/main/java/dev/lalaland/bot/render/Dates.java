package dev.lalaland.bot.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Dates as people read them: "26 February 2017", or "December 2016" when only the month is known. */
public final class Dates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private Dates() {
    }

    /** Formats {@code YYYY-MM-DD} or {@code YYYY-MM}; anything else is returned as is. */
    public static String human(String isoDate) {
        if (isoDate == null) {
            return null;
        }
        try {
            return LocalDate.parse(isoDate).format(DAY);
        } catch (DateTimeParseException notADay) {
            try {
                return YearMonth.parse(isoDate).format(MONTH);
            } catch (DateTimeParseException notAMonth) {
                return isoDate;
            }
        }
    }
}
