package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import net.dv8tion.jda.api.Permission;

/**
 * A guild as the fake serves it: channels, roles, members and channel permission overwrites.
 *
 * <p>Roles, members and the channel list are fixed once built; channel overwrites can change at
 * runtime through {@link FakeDiscord#setOverwrite} (which also tells connected clients).
 *
 * <p>{@link #standard()} is the guild most tests want: see the constants below for its ids.
 */
public final class FakeGuild {
    public static final String DEFAULT_GUILD_ID = "200000000000000001";
    public static final String ADMIN_ROLE_ID = "200000000000000002";
    public static final String BOT_ROLE_ID = "200000000000000003";

    public static final String GENERAL_CHANNEL_ID = "300000000000000001";
    public static final String QUIZ_CHANNEL_ID = "300000000000000002";
    /** An announcement (news, type 5) channel. */
    public static final String ANNOUNCEMENTS_CHANNEL_ID = "300000000000000003";

    /** Has the "admin" role (Manage Server) but is not the owner, so role checks really matter. */
    public static final String ADMIN_USER_ID = "400000000000000001";
    public static final String BOB_USER_ID = "400000000000000002";
    public static final String CAROL_USER_ID = "400000000000000003";
    public static final String DAVE_USER_ID = "400000000000000004";
    /** The guild owner: Discord (and JDA) grant the owner every permission regardless of roles. */
    public static final String OWNER_USER_ID = "400000000000000009";

    /** First id handed out by {@link Builder#players(int)}; player n has this + n - 1. */
    public static final long FIRST_PLAYER_ID = 600000000000000001L;

    /** What @everyone may do in the standard guild: chat, but nothing administrative. */
    public static final Permission[] MEMBER_PERMISSIONS = {
        Permission.VIEW_CHANNEL,
        Permission.MESSAGE_SEND,
        Permission.MESSAGE_EMBED_LINKS,
        Permission.MESSAGE_ATTACH_FILES,
        Permission.MESSAGE_HISTORY,
        Permission.MESSAGE_ADD_REACTION,
        Permission.MESSAGE_EXT_EMOJI,
        Permission.USE_APPLICATION_COMMANDS,
        Permission.MESSAGE_SEND_IN_THREADS,
        Permission.CREATE_INSTANT_INVITE,
        Permission.NICKNAME_CHANGE,
    };

    /** Every permission Discord knows (what the owner and administrators have). */
    public static final long ALL_PERMISSIONS =
            Permission.getRaw(EnumSet.complementOf(EnumSet.of(Permission.UNKNOWN)));

    public static final int TEXT = 0;
    public static final int NEWS = 5;
    /** Overwrite target types as Discord numbers them. */
    public static final int OVERWRITE_ROLE = 0;

    public static final int OVERWRITE_MEMBER = 1;

    public record User(String id, String username, boolean bot) {
        ObjectNode toJson() {
            ObjectNode json = Json.obj()
                    .put("id", id)
                    .put("username", username)
                    .put("discriminator", "0")
                    .put("bot", bot)
                    .put("public_flags", 0);
            json.putNull("global_name");
            json.putNull("avatar");
            return json;
        }
    }

    public record Role(String id, String name, long permissions, int position, boolean managed) {
        ObjectNode toJson() {
            ObjectNode json = Json.obj()
                    .put("id", id)
                    .put("name", name)
                    .put("permissions", Long.toString(permissions))
                    .put("position", position)
                    .put("managed", managed)
                    .put("hoist", false)
                    .put("mentionable", false)
                    .put("color", 0)
                    .put("flags", 0);
            json.putObject("colors").put("primary_color", 0);
            return json;
        }
    }

    public record Member(User user, List<String> roleIds) {
        public Member {
            roleIds = List.copyOf(roleIds);
        }

        ObjectNode toJson() {
            ObjectNode json = Json.obj();
            json.set("user", user.toJson());
            ArrayNode roles = json.putArray("roles");
            roleIds.forEach(roles::add);
            json.putNull("nick");
            json.putNull("avatar");
            json.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
            json.putNull("premium_since");
            json.put("deaf", false).put("mute", false).put("pending", false).put("flags", 0);
            return json;
        }
    }

    /** A channel permission overwrite; {@code type} is {@link #OVERWRITE_ROLE} or {@link #OVERWRITE_MEMBER}. */
    public record Overwrite(String id, int type, long allow, long deny) {
        public static Overwrite role(String roleId, Collection<Permission> allow, Collection<Permission> deny) {
            return new Overwrite(roleId, OVERWRITE_ROLE, Permission.getRaw(allow), Permission.getRaw(deny));
        }

        public static Overwrite member(String userId, Collection<Permission> allow, Collection<Permission> deny) {
            return new Overwrite(userId, OVERWRITE_MEMBER, Permission.getRaw(allow), Permission.getRaw(deny));
        }

        ObjectNode toJson() {
            return Json.obj()
                    .put("id", id)
                    .put("type", type)
                    .put("allow", Long.toString(allow))
                    .put("deny", Long.toString(deny));
        }
    }

    public record Channel(String id, String name, int type, int position, List<Overwrite> overwrites) {
        public Channel {
            overwrites = List.copyOf(overwrites);
        }

        Channel withOverwrite(Overwrite overwrite) {
            List<Overwrite> next = new ArrayList<>();
            for (Overwrite o : overwrites) {
                if (!o.id().equals(overwrite.id())) {
                    next.add(o);
                }
            }
            if (overwrite.allow() != 0 || overwrite.deny() != 0) {
                next.add(overwrite);
            }
            return new Channel(id, name, type, position, next);
        }
    }

    private final String id;
    private final String name;
    private final String ownerId;
    private final Map<String, Role> roles;
    private final Map<String, Member> members;
    private final List<String> botRoleIds;
    private final List<String> channelOrder;
    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    private FakeGuild(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.ownerId = b.ownerId;
        this.roles = Map.copyOf(b.roles);
        this.members = new LinkedHashMap<>(b.members);
        this.botRoleIds = List.copyOf(b.botRoleIds);
        this.channelOrder = List.copyOf(b.channels.keySet());
        this.channels.putAll(b.channels);
    }

    /** An empty guild (just @everyone with {@link #MEMBER_PERMISSIONS}); add what the test needs. */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /**
     * The standard test guild {@value #DEFAULT_GUILD_ID}: channels general, quiz (text) and
     * announcements (news); roles @everyone (chat only), "admin" (Manage Server) and "testbot"
     * (managed bot role); members owner, alice (admin), bob, carol, dave and the bot.
     * Returned as a builder so a test can add players, channels or overwrites.
     */
    public static Builder standard() {
        return builder(DEFAULT_GUILD_ID, "La La Land Test Server")
                .role(ADMIN_ROLE_ID, "admin", Permission.MANAGE_SERVER)
                .managedRole(BOT_ROLE_ID, "testbot", MEMBER_PERMISSIONS)
                .botRoles(BOT_ROLE_ID)
                .textChannel(GENERAL_CHANNEL_ID, "general")
                .textChannel(QUIZ_CHANNEL_ID, "quiz")
                .newsChannel(ANNOUNCEMENTS_CHANNEL_ID, "announcements")
                .member(OWNER_USER_ID, "olivia")
                .owner(OWNER_USER_ID)
                .member(ADMIN_USER_ID, "alice", ADMIN_ROLE_ID)
                .member(BOB_USER_ID, "bob")
                .member(CAROL_USER_ID, "carol")
                .member(DAVE_USER_ID, "dave");
    }

    /** The id of the n-th (1-based) player added by {@link Builder#players(int)}. */
    public static String playerId(int n) {
        return Long.toString(FIRST_PLAYER_ID + n - 1);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String ownerId() {
        return ownerId;
    }

    public Collection<Member> members() {
        return members.values();
    }

    public Member member(String userId) {
        return members.get(userId);
    }

    public Collection<Role> roles() {
        return roles.values();
    }

    public List<Channel> channels() {
        return channelOrder.stream().map(channels::get).toList();
    }

    public Channel channel(String channelId) {
        return channels.get(channelId);
    }

    public boolean hasChannel(String channelId) {
        return channels.containsKey(channelId);
    }

    List<String> botRoleIds() {
        return botRoleIds;
    }

    /** Replaces (or with allow=deny=0 removes) the overwrite for the same target; returns the new channel. */
    Channel putOverwrite(String channelId, Overwrite overwrite) {
        Channel updated = channels.computeIfPresent(channelId, (k, c) -> c.withOverwrite(overwrite));
        if (updated == null) {
            throw new IllegalArgumentException("no channel " + channelId + " in guild " + id);
        }
        return updated;
    }

    /**
     * Effective permissions of a member in a channel, computed the way Discord does
     * (base from roles, owner/administrator short-circuit, then @everyone, role and member
     * overwrites in that order).
     */
    public long permissions(String userId, List<String> memberRoles, String channelId) {
        if (userId.equals(ownerId)) {
            return ALL_PERMISSIONS;
        }
        long base = roles.get(id).permissions();
        for (String roleId : memberRoles) {
            Role role = roles.get(roleId);
            if (role != null) {
                base |= role.permissions();
            }
        }
        if ((base & Permission.ADMINISTRATOR.getRawValue()) != 0) {
            return ALL_PERMISSIONS;
        }
        Channel channel = channelId == null ? null : channels.get(channelId);
        if (channel == null) {
            return base;
        }
        long roleAllow = 0;
        long roleDeny = 0;
        Overwrite everyone = null;
        Overwrite member = null;
        for (Overwrite o : channel.overwrites()) {
            if (o.type() == OVERWRITE_ROLE && o.id().equals(id)) {
                everyone = o;
            } else if (o.type() == OVERWRITE_ROLE && memberRoles.contains(o.id())) {
                roleAllow |= o.allow();
                roleDeny |= o.deny();
            } else if (o.type() == OVERWRITE_MEMBER && o.id().equals(userId)) {
                member = o;
            }
        }
        long perms = base;
        if (everyone != null) {
            perms = (perms & ~everyone.deny()) | everyone.allow();
        }
        perms = (perms & ~roleDeny) | roleAllow;
        if (member != null) {
            perms = (perms & ~member.deny()) | member.allow();
        }
        return perms;
    }

    // ---- JSON as the gateway and REST serve it ----

    ObjectNode toGuildCreateJson(User bot) {
        ObjectNode json = toGuildJson();
        json.put("afk_timeout", 300); // JDA hangs in awaitReady() unless this is a legal value
        json.put("member_count", members.size() + 1);
        json.put("large", false);
        json.put("unavailable", false);
        json.put("joined_at", Instant.EPOCH.toString());
        ArrayNode memberArray = json.putArray("members");
        memberArray.add(botMember(bot).toJson());
        members.values().forEach(m -> memberArray.add(m.toJson()));
        ArrayNode channelArray = json.putArray("channels");
        channels().forEach(c -> channelArray.add(channelJson(c, false)));
        // JDA requires every one of these arrays, even when empty.
        json.putArray("threads");
        json.putArray("guild_scheduled_events");
        json.putArray("voice_states");
        json.putArray("presences");
        json.putArray("stage_instances");
        json.putArray("soundboard_sounds");
        return json;
    }

    ObjectNode toGuildJson() {
        ObjectNode json = Json.obj().put("id", id).put("name", name).put("owner_id", ownerId);
        json.putNull("icon");
        json.putNull("splash");
        json.putNull("banner");
        json.putNull("description");
        json.putNull("afk_channel_id");
        json.putNull("system_channel_id");
        json.put("afk_timeout", 300);
        json.put("verification_level", 0)
                .put("default_message_notifications", 1)
                .put("explicit_content_filter", 0)
                .put("mfa_level", 0)
                .put("nsfw_level", 0)
                .put("premium_tier", 0)
                .put("preferred_locale", "en-US");
        json.putArray("features");
        ArrayNode roleArray = json.putArray("roles");
        roles.values().stream()
                .sorted((a, b) -> Integer.compare(a.position(), b.position()))
                .forEach(r -> roleArray.add(r.toJson()));
        json.putArray("emojis");
        json.putArray("stickers");
        return json;
    }

    ObjectNode channelJson(Channel c, boolean withGuildId) {
        ObjectNode json = Json.obj()
                .put("id", c.id())
                .put("type", c.type())
                .put("name", c.name())
                .put("position", c.position())
                .put("nsfw", false)
                .put("rate_limit_per_user", 0)
                .put("flags", 0);
        json.putNull("topic");
        json.putNull("parent_id");
        json.putNull("last_message_id");
        if (withGuildId) {
            json.put("guild_id", id);
        }
        ArrayNode overwrites = json.putArray("permission_overwrites");
        c.overwrites().forEach(o -> overwrites.add(o.toJson()));
        return json;
    }

    Member botMember(User bot) {
        return new Member(bot, botRoleIds);
    }

    /** A guild member, or a role-less stand-in so tests may click as any user id. */
    Member memberOrStranger(String userId) {
        Member m = members.get(userId);
        return m != null ? m : new Member(new User(userId, "user" + userId, false), List.of());
    }

    public static final class Builder {
        private final String id;
        private final String name;
        private String ownerId;
        private final Map<String, Role> roles = new LinkedHashMap<>();
        private final Map<String, Member> members = new LinkedHashMap<>();
        private final List<String> botRoleIds = new ArrayList<>();
        private final Map<String, Channel> channels = new LinkedHashMap<>();
        private int nextPlayer = 1;

        private Builder(String id, String name) {
            this.id = Objects.requireNonNull(id);
            this.name = Objects.requireNonNull(name);
            this.ownerId = null;
            // @everyone has the guild's id.
            roles.put(id, new Role(id, "@everyone", Permission.getRaw(MEMBER_PERMISSIONS), 0, false));
        }

        public Builder everyonePermissions(Permission... perms) {
            roles.put(id, new Role(id, "@everyone", Permission.getRaw(perms), 0, false));
            return this;
        }

        public Builder role(String roleId, String roleName, Permission... perms) {
            roles.put(roleId, new Role(roleId, roleName, Permission.getRaw(perms), roles.size(), false));
            return this;
        }

        /** A role owned by an integration, like the one Discord creates for a bot. */
        public Builder managedRole(String roleId, String roleName, Permission... perms) {
            roles.put(roleId, new Role(roleId, roleName, Permission.getRaw(perms), roles.size(), true));
            return this;
        }

        /** Roles the bot's own member has (the bot member itself is always added). */
        public Builder botRoles(String... roleIds) {
            botRoleIds.clear();
            botRoleIds.addAll(Arrays.asList(roleIds));
            return this;
        }

        public Builder textChannel(String channelId, String channelName) {
            return channel(channelId, channelName, TEXT);
        }

        public Builder newsChannel(String channelId, String channelName) {
            return channel(channelId, channelName, NEWS);
        }

        public Builder channel(String channelId, String channelName, int type) {
            channels.put(channelId, new Channel(channelId, channelName, type, channels.size(), List.of()));
            return this;
        }

        public Builder member(String userId, String username, String... roleIds) {
            members.put(userId, new Member(new User(userId, username, false), Arrays.asList(roleIds)));
            return this;
        }

        /** Adds {@code count} plain members named player001.. with ids from {@link #playerId(int)}. */
        public Builder players(int count) {
            for (int i = 0; i < count; i++, nextPlayer++) {
                member(playerId(nextPlayer), String.format("player%03d", nextPlayer));
            }
            return this;
        }

        public Builder owner(String userId) {
            this.ownerId = userId;
            return this;
        }

        public Builder overwrite(String channelId, Overwrite overwrite) {
            Channel c = channels.get(channelId);
            if (c == null) {
                throw new IllegalArgumentException("add channel " + channelId + " before its overwrites");
            }
            channels.put(channelId, c.withOverwrite(overwrite));
            return this;
        }

        /**
         * Denies the bot's member (default bot id {@value FakeDiscord#DEFAULT_BOT_ID}) these
         * permissions in a channel, e.g. VIEW_CHANNEL, MESSAGE_SEND or MESSAGE_EMBED_LINKS.
         */
        public Builder denyBot(String channelId, Permission... perms) {
            return overwrite(channelId, Overwrite.member(FakeDiscord.DEFAULT_BOT_ID, List.of(), List.of(perms)));
        }

        public FakeGuild build() {
            if (ownerId == null) {
                // Discord always has an owner; a fixed stranger keeps owner-bypass out of tests.
                ownerId = "400000000000000000";
            }
            return new FakeGuild(this);
        }
    }
}
