package dev.lalaland.bot.render;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Shows where a fact comes from: links named by their site, citations as written. */
public final class Sources {
    private Sources() {
    }

    /** A compact field value listing the sources, within Discord's 1,024-character field limit. */
    public static String field(List<String> sources) {
        List<String> links = sources.stream().map(Sources::link).distinct().toList();
        return Budget.join(links, " · ", DiscordLimits.FIELD_VALUE, n -> "+" + n + " more");
    }

    /** Site names only, for footers and console text. */
    public static String names(List<String> sources) {
        Set<String> names = new LinkedHashSet<>();
        for (String source : sources) {
            names.add(siteName(source));
        }
        return String.join(", ", names);
    }

    static String link(String source) {
        if (!isUrl(source)) {
            return source;
        }
        return "[" + siteName(source) + "](" + source.replace(")", "%29").replace(" ", "%20") + ")";
    }

    static String siteName(String source) {
        if (!isUrl(source)) {
            return source.length() > 60 ? DiscordLimits.truncate(source, 60) : source;
        }
        try {
            String host = URI.create(source.replace(" ", "%20")).getHost();
            if (host == null) {
                return source;
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return source;
        }
    }

    private static boolean isUrl(String source) {
        return source.startsWith("http://") || source.startsWith("https://");
    }
}
