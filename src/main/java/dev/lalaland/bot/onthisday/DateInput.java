package dev.lalaland.bot.onthisday;

import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.UserText;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the day a user typed for {@code /onthisday}. Only the month and day matter (the command
 * looks up anniversaries), but a full {@code YYYY-MM-DD} is accepted because people paste dates.
 * Numeric day-first or month-first forms with slashes ({@code 09/12}) are refused on purpose:
 * they mean different days in different countries.
 */
public final class DateInput {

    /** Shown whenever a date is refused, so the user knows what to type instead. */
    public static final String ACCEPTED = "`YYYY-MM-DD` (2016-12-09), `MM-DD` (12-09), `December 9`, `Dec 9` or `9 Dec`";

    private static final int MAX_LENGTH = 40;
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})-(\\d{1,2})");
    /** {@code December 9}, {@code dec. 9th}, {@code Dec 9 2016} (after commas became spaces). */
    private static final Pattern NAME_THEN_DAY =
            Pattern.compile("([a-z]+)\\.? ?(\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?");
    /** {@code 9 Dec}, {@code 9th of December}, {@code 9 December 2016}. */
    private static final Pattern DAY_THEN_NAME =
            Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)\\.?(?: (\\d{4}))?");

    private DateInput() {
    }

    /** The month-day the text names; a {@link UserInputException} listing the accepted forms if none. */
    public static MonthDay parse(String text) {
        String input = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(',', ' ').replaceAll("\\s+", " ");
        if (input.isEmpty() || input.length() > MAX_LENGTH) {
            throw refused(text);
        }
        Matcher m;
        if ((m = ISO_DATE.matcher(input)).matches()) {
            return fullDate(text, m.group(1), m.group(2), m.group(3));
        }
        if ((m = MONTH_DAY.matcher(input)).matches()) {
            return monthDay(text, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = NAME_THEN_DAY.matcher(input)).matches()) {
            Month month = monthNamed(m.group(1)).orElseThrow(() -> refused(text));
            return withOptionalYear(text, m.group(3), month, m.group(2));
        }
        if ((m = DAY_THEN_NAME.matcher(input)).matches()) {
            Month month = monthNamed(m.group(2)).orElseThrow(() -> refused(text));
            return withOptionalYear(text, m.group(3), month, m.group(1));
        }
        throw refused(text);
    }

    /** A full or three-letter-or-longer abbreviated English month name ({@code sept} included). */
    static Optional<Month> monthNamed(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(word)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static MonthDay withOptionalYear(String text, String year, Month month, String day) {
        return year == null
                ? monthDay(text, month.getValue(), Integer.parseInt(day))
                : fullDate(text, year, String.valueOf(month.getValue()), day);
    }

    private static MonthDay fullDate(String text, String year, String month, String day) {
        try {
            return MonthDay.from(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            throw new UserInputException(UserText.quoted(text, MAX_LENGTH) + " is not a real date. Try " + ACCEPTED
                    + ".");
        }
    }

    private static MonthDay monthDay(String text, int month, int day) {
        try {
            // MonthDay allows February 29: anniversaries of leap days exist.
            return MonthDay.of(month, day);
        } catch (DateTimeException e) {
            throw new UserInputException(UserText.quoted(text, MAX_LENGTH) + " is not a day of the year. Try "
                    + ACCEPTED + ".");
        }
    }

    private static UserInputException refused(String text) {
        return new UserInputException("I can't read " + UserText.quoted(text, MAX_LENGTH) + " as a date. Try "
                + ACCEPTED + ".");
    }
}
