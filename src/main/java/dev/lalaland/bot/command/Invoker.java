package dev.lalaland.bot.command;

/**
 * Who did something and where. {@code guildId} is null in direct messages;
 * {@code canManageServer} is the member's effective Manage Server permission.
 */
public record Invoker(String userId, String displayName, String guildId, String channelId, boolean canManageServer) {

    public boolean inGuild() {
        return guildId != null;
    }
}
