package dev.lalaland.bot.config;

import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.UserText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * IANA time zone names: suggestions while an admin types, and the check of what they sent
 * (Discord does not validate autocompleted values). Typing is forgiving: any case, spaces for
 * underscores, a city alone ({@code paris} finds {@code Europe/Paris}).
 */
public final class TimeZoneNames {
    /** Shown when nothing has been typed yet: the zones most servers will want. */
    private static final List<String> COMMON = List.of(
            "UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam",
            "Europe/Stockholm", "Europe/Warsaw", "Europe/Moscow", "America/New_York", "America/Chicago",
            "America/Denver", "America/Los_Angeles", "America/Toronto", "America/Mexico_City", "America/Sao_Paulo",
            "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Asia/Seoul", "Asia/Singapore", "Australia/Sydney",
            "Australia/Adelaide", "Pacific/Auckland");
    private static final String ACCEPTED = "an IANA time zone name such as `Europe/Paris`, `America/New_York` or `UTC`"
            + " (start typing a city and pick one from the list)";

    /** Lower-cased, underscores as spaces, mapped to the canonical id. */
    private final Map<String, String> byKey = new TreeMap<>();

    public TimeZoneNames() {
        for (String id : ZoneId.getAvailableZoneIds()) {
            // SystemV ids are deprecated aliases nobody would pick on purpose.
            if (!id.startsWith("SystemV/")) {
                byKey.put(key(id), id);
            }
        }
        byKey.put("utc", "UTC");
    }

    /** At most 25 suggestions: exact match, then names starting with the text, then names containing it. */
    public List<Choice> suggest(String typed) {
        String wanted = typed == null ? "" : key(typed.strip());
        if (wanted.isEmpty()) {
            return COMMON.stream().map(TimeZoneNames::choice).toList();
        }
        List<String> ranked = new ArrayList<>();
        byKey.forEach((k, id) -> {
            if (k.contains(wanted)) {
                ranked.add(id);
            }
        });
        ranked.sort(Comparator.comparingInt((String id) -> rank(key(id), wanted)).thenComparing(id -> id));
        return ranked.stream().limit(DiscordLimits.AUTOCOMPLETE_CHOICES).map(TimeZoneNames::choice).toList();
    }

    /** The zone a value names, or a {@link UserInputException} that says what is accepted. */
    public ZoneId resolve(String value) {
        return find(value).orElseThrow(() -> new UserInputException(
                UserText.quoted(value, 40) + " is not a time zone I know. Use " + ACCEPTED + "."));
    }

    Optional<ZoneId> find(String value) {
        return Optional.ofNullable(value).map(v -> byKey.get(key(v.strip()))).map(ZoneId::of);
    }

    /** 0: the whole name; 1: a name part (area or city) starts with it; 2: it appears anywhere. */
    private static int rank(String zoneKey, String wanted) {
        if (zoneKey.equals(wanted)) {
            return 0;
        }
        for (String part : zoneKey.split("/")) {
            if (part.startsWith(wanted)) {
                return 1;
            }
        }
        return zoneKey.startsWith(wanted) ? 1 : 2;
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Choice choice(String id) {
        return new Choice(id.replace('_', ' '), id);
    }
}
