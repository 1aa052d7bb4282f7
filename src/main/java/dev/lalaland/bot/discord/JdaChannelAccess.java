package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.ChannelAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;

/** Checks, from JDA's cache of roles and overwrites, that the bot may post cards in a channel. */
final class JdaChannelAccess implements ChannelAccess {
    private static final List<Permission> NEEDED =
            List.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND, Permission.MESSAGE_EMBED_LINKS);

    private final Supplier<ShardManager> shards;

    JdaChannelAccess(Supplier<ShardManager> shards) {
        this.shards = shards;
    }

    @Override
    public Optional<String> whyCannotPost(String guildId, String channelId) {
        Guild guild = shards.get().getGuildById(guildId);
        if (guild == null) {
            return Optional.of("I cannot see this server right now; try again in a minute.");
        }
        GuildChannel channel = guild.getGuildChannelById(channelId);
        if (!(channel instanceof GuildMessageChannel)) {
            return Optional.of("<#" + channelId + "> is not a text or announcement channel of this server.");
        }
        Member self = guild.getSelfMember();
        List<String> missing = new ArrayList<>();
        for (Permission p : NEEDED) {
            if (!self.hasPermission(channel, p)) {
                missing.add(p.getName());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("I can't post in <#" + channelId + ">: I'm missing " + String.join(", ", missing)
                + " there. Give me those permissions in the channel settings, or pick another channel.");
    }
}
