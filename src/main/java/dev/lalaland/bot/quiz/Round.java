package dev.lalaland.bot.quiz;

import java.time.Instant;

/**
 * One question as asked: in a night ({@code nightId} set, numbered from 1) or as practice. It
 * keeps its own copy of the question, so a change to the data files never changes a question
 * someone is answering. {@code messageId} is null until the bot knows which message shows it.
 */
public record Round(long id, Long nightId, int number, String guildId, String channelId, Question question,
                    String messageId, Instant opensAt, Instant closesAt, boolean open) {

    public boolean practice() {
        return nightId == null;
    }
}
