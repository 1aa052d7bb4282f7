package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Builds INTERACTION_CREATE payloads in the shape JDA 6.5.0 parses. */
final class Interactions {
    record Built(ObjectNode payload, String guildId, String userId, String componentMessageId) {}

    private static final int COMMAND = 2;
    private static final int COMPONENT = 3;
    static final int MODAL_SUBMIT = 5;
    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;

    private final FakeDiscord fake;

    Interactions(FakeDiscord fake) {
        this.fake = fake;
    }

    /** A slash command (type 2) or, with {@code focused} set, an autocomplete request (type 4). */
    Built command(
            int interactionType,
            String userId,
            String channelId,
            String command,
            String subcommand,
            Map<String, ?> options,
            String focused,
            String typed) {
        FakeGuild guild = guildOf(channelId);
        ObjectNode data = Json.obj();
        ObjectNode resolved = Json.obj();
        JsonNode registered = registeredCommand(guild, command);
        if (registered != null) {
            data.put("id", registered.path("id").asText());
            if (registered.hasNonNull("guild_id")) {
                data.put("guild_id", registered.get("guild_id").asText());
            }
        } else {
            data.put("id", fake.commandId("unregistered", command));
        }
        data.put("name", command).put("type", 1);

        ArrayNode leafOptions = Json.arr();
        options.forEach((name, value) -> leafOptions.add(option(guild, name, OptionValue.of(value), resolved)));
        if (focused != null) {
            leafOptions.addObject()
                    .put("name", focused)
                    .put("type", OptionValue.STRING)
                    .put("value", typed == null ? "" : typed)
                    .put("focused", true);
        }
        data.set("options", nest(subcommand, leafOptions));
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        ObjectNode payload = envelope(interactionType, guild, channelId, userId, data);
        return new Built(payload, guild.id(), userId, null);
    }

    /** A component interaction (type 3): a button (component_type 2) or string select (3). */
    Built component(
            String userId, String channelId, String messageId, String customId, int componentType, List<String> values) {
        FakeGuild guild = guildOf(channelId);
        ObjectNode data = Json.obj().put("component_type", componentType).put("custom_id", customId);
        if (values != null) {
            ArrayNode arr = data.putArray("values");
            values.forEach(arr::add);
        }
        ObjectNode payload = envelope(COMPONENT, guild, channelId, userId, data);
        FakeMessage message = fake.messageStore().getOrCreateExternal(messageId, channelId);
        payload.set("message", message.json());
        return new Built(payload, guild.id(), userId, messageId);
    }

    /**
     * A filled-in modal (type 5), in the shape Discord sends: each label (type 18) of the modal
     * with its child's answer, a string select's chosen {@code values} or a text input's
     * {@code value}. {@code answers} by input custom id: a String, or a List of them for a select;
     * inputs not answered are sent empty.
     */
    Built modalSubmit(String userId, String channelId, JsonNode modal, Map<String, ?> answers) {
        FakeGuild guild = guildOf(channelId);
        ObjectNode data = Json.obj().put("custom_id", modal.path("custom_id").asText());
        ArrayNode components = data.putArray("components");
        int uniqueId = 1;
        for (JsonNode label : modal.path("components")) {
            JsonNode child = label.path("component");
            String inputId = child.path("custom_id").asText();
            Object answer = answers.get(inputId);
            ObjectNode filled = Json.obj().put("type", child.path("type").asInt()).put("id", uniqueId + 1)
                    .put("custom_id", inputId);
            if (child.path("type").asInt() == 3) {
                ArrayNode values = filled.putArray("values");
                if (answer instanceof List<?> list) {
                    list.forEach(v -> values.add(v.toString()));
                } else if (answer != null) {
                    values.add(answer.toString());
                }
            } else {
                filled.put("value", answer == null ? "" : answer.toString());
            }
            components.addObject().put("type", 18).put("id", uniqueId).set("component", filled);
            uniqueId += 2;
        }
        ObjectNode payload = envelope(MODAL_SUBMIT, guild, channelId, userId, data);
        return new Built(payload, guild.id(), userId, null);
    }

    private ObjectNode envelope(int type, FakeGuild guild, String channelId, String userId, ObjectNode data) {
        String id = Snowflakes.next();
        FakeGuild.Member member = guild.memberOrStranger(userId);
        ObjectNode p = Json.obj()
                .put("id", id)
                .put("application_id", fake.applicationId())
                .put("type", type)
                .put("token", fake.nextToken(id))
                .put("version", 1)
                .put("guild_id", guild.id());
        // Without a "guild" object JDA takes the interaction for a DM.
        ObjectNode guildJson = p.putObject("guild").put("id", guild.id()).put("locale", "en-US");
        guildJson.putArray("features");
        p.put("channel_id", channelId);
        p.set("channel", guild.channelJson(guild.channel(channelId), true));
        p.set("member", fake.memberJsonWithPermissions(guild, member, channelId));
        p.put("locale", "en-US").put("guild_locale", "en-US");
        p.put("app_permissions", Long.toString(fake.botPermissions(channelId)));
        p.putArray("entitlements");
        p.putObject("authorizing_integration_owners").put("0", guild.id());
        p.put("context", 0);
        p.put("attachment_size_limit", 10 * 1024 * 1024);
        p.set("data", data);
        return p;
    }

    private FakeGuild guildOf(String channelId) {
        FakeGuild guild = fake.guildOfChannel(channelId);
        if (guild == null) {
            throw new IllegalArgumentException("no guild text channel " + channelId + " (DM interactions are not modelled)");
        }
        return guild;
    }

    private JsonNode registeredCommand(FakeGuild guild, String name) {
        for (JsonNode c : fake.registeredGuildCommands(guild.id())) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        for (JsonNode c : fake.registeredGlobalCommands()) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Wraps leaf options into {@code sub} or {@code "group sub"}. */
    private static ArrayNode nest(String subcommand, ArrayNode leafOptions) {
        if (subcommand == null || subcommand.isBlank()) {
            return leafOptions;
        }
        String[] parts = subcommand.trim().split("\\s+");
        if (parts.length > 2) {
            throw new IllegalArgumentException("subcommand is 'sub' or 'group sub': " + subcommand);
        }
        ObjectNode sub = Json.obj().put("name", parts[parts.length - 1]).put("type", SUB_COMMAND);
        sub.set("options", leafOptions);
        ArrayNode top = Json.arr();
        if (parts.length == 2) {
            ObjectNode group = top.addObject().put("name", parts[0]).put("type", SUB_COMMAND_GROUP);
            group.putArray("options").add(sub);
        } else {
            top.add(sub);
        }
        return top;
    }

    private ObjectNode option(FakeGuild guild, String name, OptionValue v, ObjectNode resolved) {
        ObjectNode o = Json.obj().put("name", name).put("type", v.type());
        switch (v.type()) {
            case OptionValue.INTEGER -> o.put("value", ((Number) v.value()).longValue());
            case OptionValue.NUMBER -> o.put("value", ((Number) v.value()).doubleValue());
            case OptionValue.BOOLEAN -> o.put("value", (Boolean) v.value());
            case OptionValue.USER -> {
                String userId = v.value().toString();
                o.put("value", userId);
                FakeGuild.Member m = guild.memberOrStranger(userId);
                with(resolved, "users").set(userId, m.user().toJson());
                ObjectNode memberJson = fake.memberJsonWithPermissions(guild, m, null);
                memberJson.remove("user");
                with(resolved, "members").set(userId, memberJson);
            }
            case OptionValue.CHANNEL -> {
                String channelId = v.value().toString();
                o.put("value", channelId);
                FakeGuild.Channel c = guild.channel(channelId);
                if (c == null) {
                    throw new IllegalArgumentException("no channel " + channelId + " in guild " + guild.id());
                }
                with(resolved, "channels").set(channelId, Json.obj()
                        .put("id", c.id())
                        .put("name", c.name())
                        .put("type", c.type())
                        .put("permissions", Long.toString(guild.permissions(fake.botId(), guild.botRoleIds(), channelId))));
            }
            case OptionValue.ROLE -> {
                String roleId = v.value().toString();
                o.put("value", roleId);
                guild.roles().stream()
                        .filter(r -> r.id().equals(roleId))
                        .findFirst()
                        .ifPresent(r -> with(resolved, "roles").set(roleId, r.toJson()));
            }
            default -> o.put("value", v.value().toString());
        }
        return o;
    }

    private static ObjectNode with(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        return existing instanceof ObjectNode obj ? obj : parent.putObject(field);
    }
}
