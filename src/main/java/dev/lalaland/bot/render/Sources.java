package dev.lalaland.bot.render;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shows where a fact comes from: links named by their site, citations as written. A citation is
 * never cut inside a URL, which would leave a link that leads nowhere: it is shortened before
 * the URL, or shown by its site name.
 */
public final class Sources {
    /** A URL inside a citation ends at a space or at the parenthesis that encloses it. */
    private static final Pattern URL = Pattern.compile("https?://[^\\s()]+(?:\\([^\\s()]*\\)[^\\s()]*)*");
    /** "(mirror: https://… / https://…)": what a citation's name can do without. */
    private static final Pattern PARENTHESES_WITH_URL = Pattern.compile("\\s*\\([^()]*https?://[^()]*\\)");
    private static final int NAME_LENGTH = 60;

    private Sources() {
    }

    /**
     * {@code source} within {@code max} characters: whole if it fits; else cut before the first
     * URL that would not fit whole (and before the words that introduce it); else, when even that
     * leaves nothing, its site name.
     */
    public static String citation(String source, int max) {
        if (source.length() <= max) {
            return source;
        }
        int cut = max - 2; // room for " …"
        Matcher url = URL.matcher(source);
        while (url.find() && url.start() < cut) {
            if (url.end() > cut) {
                cut = url.start();
            }
        }
        String kept = source.substring(0, cut).replaceAll("(?:\\s+[/·–-]|[\\s(:,;])+$", "");
        if (kept.isEmpty()) {
            String name = siteName(source);
            return name.length() <= max ? name : DiscordLimits.truncate(name, max);
        }
        // An ellipsis right after a URL would be taken as part of it.
        boolean endsWithUrl = URL.matcher(kept).results().anyMatch(m -> m.end() == kept.length());
        return kept + (endsWithUrl ? " …" : "…");
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
            // A citation with links in it is named by its words: "Lionsgate production notes".
            String words = URL.matcher(PARENTHESES_WITH_URL.matcher(source).replaceAll("")).replaceAll("")
                    .replaceAll("\\s+", " ").strip();
            if (words.isEmpty()) {
                Matcher url = URL.matcher(source);
                return url.find() ? siteName(url.group()) : source;
            }
            return citation(words, NAME_LENGTH);
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
