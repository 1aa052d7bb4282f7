package dev.lalaland.bot.onthisday;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short names for sources ({@code variety.com}), for a card's footer: a full URL per event
 * would crowd a channel and blow Discord's size limits, and the full list is in {@code data/}.
 * A source entry is a URL, a URL with a note, or plain text (a dataset, production notes).
 */
final class SourceNames {
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]]+");
    private static final int MAX_PLAIN_TEXT = 40;

    private SourceNames() {
    }

    /** One short name per distinct source, in first-seen order. */
    static List<String> of(List<String> sources) {
        Set<String> names = new LinkedHashSet<>();
        for (String source : sources) {
            String name = name(source);
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /**
     * The host of the entry's first URL without {@code www.}; for an archive snapshot, the host
     * of the archived page (that is who said it); else the start of the text.
     */
    static String name(String source) {
        Matcher url = URL.matcher(source);
        if (!url.find()) {
            String text = source.strip();
            return text.length() > MAX_PLAIN_TEXT ? text.substring(0, MAX_PLAIN_TEXT - 1).strip() + "…" : text;
        }
        String host = host(url.group());
        if (host.equals("web.archive.org")) {
            // web.archive.org/web/<timestamp>/https://original/... : the URL inside the URL
            Matcher archived = URL.matcher(url.group().substring("http://".length()));
            if (archived.find()) {
                return host(archived.group()) + " (archived)";
            }
        }
        return host;
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            if (host == null) {
                return url;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
