package dev.lalaland.bot.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Test servers placed on chosen gateway shards: Discord sends a server's events on shard
 * {@code (id >> 22) % total}, so a server id is picked for its shard. Each server is laid out like
 * {@link FakeGuild#standard()} (an admin, members bob, carol and dave, a text channel) with ids of its
 * own, derived from the server id, so that no two servers share a channel or role.
 */
public final class ShardedServers {
    private ShardedServers() {
    }

    /** The {@code index}-th (0-based) server id whose events go on {@code shard} of {@code total}. */
    public static String idOnShard(int index, int shard, int total) {
        long timestamp = (1L << 36) + (long) index * total + shard;
        return Long.toString(timestamp << 22);
    }

    /** {@code perShard} servers on each of {@code total} shards, shard 0's first. */
    public static List<FakeGuild> onEveryShard(int total, int perShard) {
        List<FakeGuild> servers = new ArrayList<>();
        for (int shard = 0; shard < total; shard++) {
            for (int i = 0; i < perShard; i++) {
                servers.add(server(idOnShard(i, shard, total)));
            }
        }
        return servers;
    }

    /** A server with channel {@link #channel}, an admin ({@link FakeGuild#ADMIN_USER_ID}) and members bob, carol and dave. */
    public static FakeGuild server(String id) {
        String adminRole = derived(id, 1);
        String botRole = derived(id, 2);
        return FakeGuild.builder(id, "Server " + id)
                .role(adminRole, "admin", net.dv8tion.jda.api.Permission.MANAGE_SERVER)
                .managedRole(botRole, "testbot", FakeGuild.MEMBER_PERMISSIONS)
                .botRoles(botRole)
                .textChannel(channel(id), "general")
                .member(FakeGuild.OWNER_USER_ID, "olivia")
                .owner(FakeGuild.OWNER_USER_ID)
                .member(FakeGuild.ADMIN_USER_ID, "alice", adminRole)
                .member(FakeGuild.BOB_USER_ID, "bob")
                .member(FakeGuild.CAROL_USER_ID, "carol")
                .member(FakeGuild.DAVE_USER_ID, "dave")
                .build();
    }

    /** The server's text channel. */
    public static String channel(String serverId) {
        return derived(serverId, 3);
    }

    /** Server ids have their low 22 bits clear, so adding a small number stays unique to the server. */
    private static String derived(String serverId, int n) {
        return Long.toString(Long.parseLong(serverId) + n);
    }
}
