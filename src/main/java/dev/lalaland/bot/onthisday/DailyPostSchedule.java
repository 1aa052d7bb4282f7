package dev.lalaland.bot.onthisday;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a server's daily post is due: pure date arithmetic, no I/O, so every daylight-saving
 * case is a microsecond unit test.
 *
 * <p>A post belongs to a local date. Its instant is that date at the configured local time in
 * the server's zone, resolved the way {@link ZonedDateTime#of} does: a time that does not exist
 * (skipped by a spring-forward) moves forward by the length of the gap, and a time that happens
 * twice (fall-back) means the earlier of the two. The "once per local date" guarantee does not
 * rest on this arithmetic but on the claim in {@link DailyPostStore}; the arithmetic only decides
 * when to try.
 */
public final class DailyPostSchedule {

    private DailyPostSchedule() {
    }

    /** The post of one local date, and the instant it is due. */
    public record Occurrence(LocalDate localDate, Instant instant) {
    }

    /** The post for {@code date}. */
    public static Occurrence on(LocalDate date, LocalTime time, ZoneId zone) {
        ZonedDateTime at = ZonedDateTime.of(date, time, zone);
        // Labelled by the date it really falls on: only differs when a zone skips a whole day
        // (Pacific/Apia, 2011-12-30), and then the skipped day simply has no post.
        return new Occurrence(at.toLocalDate(), at.toInstant());
    }

    /** The first post strictly after {@code now}: today's if still ahead, else tomorrow's. */
    public static Occurrence firstAfter(Instant now, LocalTime time, ZoneId zone) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Occurrence todays = on(today, time, zone);
        return todays.instant().isAfter(now) ? todays : on(today.plusDays(1), time, zone);
    }

    /** The post after the one for {@code date}: the next local date's. */
    public static Occurrence after(LocalDate date, LocalTime time, ZoneId zone) {
        return on(date.plusDays(1), time, zone);
    }

    /**
     * What to do with a post that has come due ({@code dueDate}'s post, due at or before
     * {@code now}). It is sent only while its local date is still today in the server's zone:
     * a bot that was down at post time catches up the same day, never the day after.
     */
    public static Decision decide(LocalDate dueDate, LocalTime time, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        if (today.equals(dueDate)) {
            return new Decision(true, after(dueDate, time, zone));
        }
        if (dueDate.isBefore(today)) {
            // Missed: its day is over. Today's post is next; if its time passed while the bot
            // was down, it is due at once and goes out today, as a missed post should.
            return new Decision(false, on(today, time, zone));
        }
        // A stored instant that no longer matches the zone's rules (time zone data changed):
        // plan afresh from now. A repeat of a day already posted is still impossible, as the
        // claim of that date would fail.
        return new Decision(false, firstAfter(now, time, zone));
    }

    /** Whether to post the due date's post now, and which post comes next. */
    public record Decision(boolean postNow, Occurrence next) {
    }

    /** Whether a post claimed for {@code localDate} may still go out at {@code now}. */
    public static boolean stillToday(LocalDate localDate, ZoneId zone, Instant now) {
        return now.atZone(zone).toLocalDate().equals(localDate);
    }
}
