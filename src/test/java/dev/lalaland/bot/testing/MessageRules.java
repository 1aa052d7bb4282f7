package dev.lalaland.bot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's limits for messages, autocomplete choices and commands. A violation is answered
 * 400 {@code {"code":50035,"message":"Invalid Form Body"}} like Discord, so a bot bug that JDA
 * lets through still fails in tests.
 */
final class MessageRules {
    private static final int IS_COMPONENTS_V2 = 1 << 15;
    private static final Pattern COMMAND_NAME = Pattern.compile("^[-_\\p{L}\\p{N}]{1,32}$");

    private MessageRules() {}

    /** Null when fine, else what is wrong. {@code create}: a new message must not be empty. */
    static String checkMessage(JsonNode p, int fileCount, boolean create) {
        String content = p.path("content").asText("");
        if (content.length() > 2000) {
            return "content: must be 2000 or fewer in length (was " + content.length() + ")";
        }
        JsonNode embeds = p.path("embeds");
        if (embeds.size() > 10) {
            return "embeds: must be 10 or fewer in length";
        }
        int total = 0;
        for (JsonNode e : embeds) {
            String problem = firstProblem(
                    limit(e.path("title"), 256, "embed title"),
                    limit(e.path("description"), 4096, "embed description"),
                    limit(e.path("footer").path("text"), 2048, "embed footer"),
                    limit(e.path("author").path("name"), 256, "embed author"));
            if (problem != null) {
                return problem;
            }
            if (e.path("fields").size() > 25) {
                return "embed fields: must be 25 or fewer in length";
            }
            for (JsonNode f : e.path("fields")) {
                problem = firstProblem(limit(f.path("name"), 256, "embed field name"), limit(f.path("value"), 1024, "embed field value"));
                if (problem != null) {
                    return problem;
                }
                total += f.path("name").asText("").length() + f.path("value").asText("").length();
            }
            total += e.path("title").asText("").length() + e.path("description").asText("").length()
                    + e.path("footer").path("text").asText("").length() + e.path("author").path("name").asText("").length();
        }
        if (total > 6000) {
            return "embeds: total size must be 6000 or fewer characters (was " + total + ")";
        }
        boolean v2 = (p.path("flags").asInt(0) & IS_COMPONENTS_V2) != 0;
        JsonNode rows = p.path("components");
        if (!v2) {
            if (rows.size() > 5) {
                return "components: must be 5 or fewer in length";
            }
            for (JsonNode row : rows) {
                if (row.path("components").size() > 5) {
                    return "components: an action row holds at most 5 buttons";
                }
            }
        }
        Set<String> customIds = new HashSet<>();
        String problem = checkComponents(rows, customIds);
        if (problem != null) {
            return problem;
        }
        boolean empty = content.isEmpty() && embeds.isEmpty() && rows.isEmpty() && fileCount == 0
                && !p.hasNonNull("poll") && !p.hasNonNull("sticker_ids");
        if (create && empty) {
            return "EMPTY";
        }
        return null;
    }

    private static String checkComponents(JsonNode node, Set<String> customIds) {
        if (node.isArray()) {
            for (JsonNode n : node) {
                String problem = checkComponents(n, customIds);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        if (node.has("custom_id")) {
            String id = node.path("custom_id").asText("");
            if (id.isEmpty() || id.length() > 100) {
                return "custom_id: must be between 1 and 100 in length";
            }
            if (!customIds.add(id)) {
                return "custom_id: must be unique in a message (" + id + ")";
            }
        }
        if (node.path("type").asInt() == 2 && node.path("label").asText("").length() > 80) {
            return "button label: must be 80 or fewer in length";
        }
        String problem = checkComponents(node.path("components"), customIds);
        return problem != null ? problem : checkComponents(node.path("accessory"), customIds);
    }

    static String checkChoices(JsonNode data) {
        JsonNode choices = data.path("choices");
        if (choices.size() > 25) {
            return "choices: must be 25 or fewer in length (was " + choices.size() + ")";
        }
        for (JsonNode c : choices) {
            String name = c.path("name").asText("");
            if (name.isEmpty() || name.length() > 100) {
                return "choice name: must be between 1 and 100 in length";
            }
            JsonNode value = c.path("value");
            if (value.isTextual() && (value.asText().isEmpty() || value.asText().length() > 100)) {
                return "choice value: must be between 1 and 100 in length";
            }
        }
        return null;
    }

    /**
     * A modal (callback type 9) as Discord checks it: id 1-100, title 1-45, one to five top-level
     * components; each a label (type 18, label 1-45) holding a text input (type 4, max_length up to
     * 4,000) or a string select (type 3, 1-25 options, labels and values 1-100).
     */
    static String checkModal(JsonNode data) {
        String id = data.path("custom_id").asText("");
        if (id.isEmpty() || id.length() > 100) {
            return "custom_id: must be between 1 and 100 in length";
        }
        String title = data.path("title").asText("");
        if (title.isEmpty() || title.length() > 45) {
            return "title: must be between 1 and 45 in length";
        }
        JsonNode components = data.path("components");
        if (components.size() < 1 || components.size() > 5) {
            return "components: must be between 1 and 5 in length";
        }
        for (JsonNode c : components) {
            if (c.path("type").asInt() != 18) {
                return "components: only labels (type 18) are modelled, was type " + c.path("type").asInt();
            }
            String label = c.path("label").asText("");
            if (label.isEmpty() || label.length() > 45) {
                return "label: must be between 1 and 45 in length";
            }
            JsonNode child = c.path("component");
            String childId = child.path("custom_id").asText("");
            if (childId.isEmpty() || childId.length() > 100) {
                return "component custom_id: must be between 1 and 100 in length";
            }
            switch (child.path("type").asInt()) {
                case 4 -> {
                    int max = child.path("max_length").asInt(4000);
                    if (max < 1 || max > 4000) {
                        return "max_length: must be between 1 and 4000";
                    }
                    if (child.path("placeholder").asText("").length() > 100) {
                        return "placeholder: must be 100 or fewer in length";
                    }
                }
                case 3 -> {
                    JsonNode options = child.path("options");
                    if (options.size() < 1 || options.size() > 25) {
                        return "options: must be between 1 and 25 in length";
                    }
                    for (JsonNode o : options) {
                        if (o.path("label").asText("").isEmpty() || o.path("label").asText().length() > 100
                                || o.path("value").asText("").isEmpty() || o.path("value").asText().length() > 100
                                || o.path("description").asText("").length() > 100) {
                            return "option: label and value 1-100, description up to 100";
                        }
                    }
                }
                default -> {
                    return "component: only text inputs and string selects are modelled, was type "
                            + child.path("type").asInt();
                }
            }
        }
        return null;
    }

    static String checkCommand(JsonNode c) {
        String name = c.path("name").asText("");
        int type = c.path("type").asInt(1);
        if (!COMMAND_NAME.matcher(name).matches() || (type == 1 && !name.equals(name.toLowerCase()))) {
            return "command name: 1-32 lower-case characters (was '" + name + "')";
        }
        if (type == 1) {
            String description = c.path("description").asText("");
            if (description.isEmpty() || description.length() > 100) {
                return "command description: must be between 1 and 100 in length (" + name + ")";
            }
        }
        return checkOptions(c.path("options"), name);
    }

    private static String checkOptions(JsonNode options, String where) {
        if (options.size() > 25) {
            return "options: must be 25 or fewer in length (" + where + ")";
        }
        for (JsonNode o : options) {
            if (o.path("choices").size() > 25) {
                return "option choices: must be 25 or fewer in length (" + where + "." + o.path("name").asText() + ")";
            }
            if (o.path("autocomplete").asBoolean(false) && o.path("choices").size() > 0) {
                return "option " + where + "." + o.path("name").asText() + ": autocomplete and choices are exclusive";
            }
            String problem = checkOptions(o.path("options"), where + " " + o.path("name").asText());
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String limit(JsonNode text, int max, String what) {
        return text.isTextual() && text.asText().length() > max
                ? what + ": must be " + max + " or fewer in length"
                : null;
    }

    private static String firstProblem(String... problems) {
        for (String p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }
}
