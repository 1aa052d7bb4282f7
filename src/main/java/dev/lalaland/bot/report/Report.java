package dev.lalaland.bot.report;

import java.time.Instant;

/**
 * One member's report of one question in one server. {@code factVersion} is the checksum of the
 * fact files the question was built from, so a report can be matched to the data it was about
 * after the data changed. {@code note} is null when none was given.
 */
public record Report(String guildId, String memberId, String questionId, String factVersion, ReportReason reason,
                     String note, Instant reportedAt) {
}
