package dev.lalaland.bot.command;

import java.util.Optional;

/**
 * Whether the bot may post in a channel. Asked before the bot promises to post there (for
 * example when an admin configures the daily post), so it never learns by failing.
 */
public interface ChannelAccess {

    /** Empty if the bot can view, send and embed in the channel; else why not, for the admin. */
    Optional<String> whyCannotPost(String guildId, String channelId);
}
