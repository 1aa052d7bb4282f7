package dev.lalaland.bot.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A question as {@code /quiz reports} lists it: how often and why it was reported in a server,
 * its latest notes (newest first), and whether it is muted there.
 */
public record ReportedQuestion(String questionId, int reports, Map<ReportReason, Integer> byReason,
                               List<String> latestNotes, Instant lastReported, boolean muted) {

    public ReportedQuestion {
        byReason = Map.copyOf(byReason);
        latestNotes = List.copyOf(latestNotes);
    }
}
