package dev.lalaland.bot.facts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sites a fact may cite: the primary or best source for it. The Academy and the other awards
 * bodies and festivals for their own results, the studio, the trade press, newspapers and
 * broadcasters of record, the official charts and box-office trackers, and Wikipedia as the
 * reference of last resort. Not on it: mirrors and copies of another site's article, content
 * farms, fan wikis and blogs. data/README.md lists the same sites and how to add one.
 */
public final class TrustedSources {
    /** Hosts (and their subdomains) trusted as sources, grouped as data/README.md lists them. */
    public static final List<String> HOSTS = List.of(
            // The Academy, the other awards bodies and festivals
            "oscars.org", "goldenglobes.com", "bafta.org", "criticschoice.com", "sagawards.org", "dga.org",
            "producersguild.org", "grammy.com", "televisionacademy.com", "labiennale.org", "tiff.net", "bfi.org.uk",
            "viennale.at", "afi.com",
            // The studio and the label
            "lionsgate.com", "interscope.com",
            // Trade press
            "variety.com", "hollywoodreporter.com", "deadline.com", "screendaily.com", "billboard.com",
            "indiewire.com", "thewrap.com", "backstage.com", "playbill.com", "kftv.com",
            "theasc.com",
            // Newspapers, magazines and broadcasters of record
            "latimes.com", "nytimes.com", "washingtonpost.com", "usatoday.com", "chicagotribune.com", "apnews.com",
            "reuters.com", "npr.org", "bbc.co.uk", "bbc.com", "cbc.ca", "theguardian.com", "standard.co.uk",
            "metro.co.uk", "time.com", "ew.com", "people.com", "vanityfair.com", "rollingstone.com", "theweek.com",
            "empireonline.com", "radiotimes.com", "nme.com", "theringer.com", "thedailybeast.com", "curbed.com",
            // Charts and box office
            "officialcharts.com", "the-numbers.com", "boxofficemojo.com",
            // Reference
            "en.wikipedia.org", "de.wikipedia.org", "britannica.com");

    /**
     * How a citation that is no URL must begin to be trusted: a trusted publisher named first
     * ("Variety, 31 August 2016: ...", "Lionsgate production notes").
     */
    public static final List<String> PUBLICATIONS = List.of("The Academy", "Lionsgate", "Variety",
            "The Hollywood Reporter", "Deadline", "Screen International", "Billboard", "Entertainment Weekly",
            "Evening Standard", "USA Today", "The Guardian", "TheWrap", "AFP", "Associated Press",
            "Las Vegas Review-Journal / AP", "San Diego Union-Tribune", "The Mercury News", "The Baltic Times",
            "Universal Music", "Santa Barbara International Film Festival", "The film's credits",
            "The film itself");

    private static final String ARCHIVE = "web.archive.org";

    private TrustedSources() {
    }

    /**
     * Whether a URL source is on a trusted site; an archived copy (web.archive.org) counts as the
     * page it archives. Citations that are not URLs ("Lionsgate production notes") are judged by
     * their wording, not here.
     */
    public static boolean trusted(String url) {
        Optional<String> host = host(url);
        if (host.isEmpty()) {
            return false;
        }
        if (host.get().equals(ARCHIVE)) {
            int inner = url.indexOf("http", url.indexOf(ARCHIVE) + ARCHIVE.length());
            return inner > 0 && trusted(url.substring(inner));
        }
        return HOSTS.stream().anyMatch(h -> host.get().equals(h) || host.get().endsWith("." + h));
    }

    /** Whether a source, URL or citation, is trusted. */
    public static boolean trustedSource(String source) {
        if (host(source).isPresent()) {
            return trusted(source);
        }
        return PUBLICATIONS.stream().anyMatch(source::startsWith);
    }

    /** The host of a URL source, lower case and without "www."; empty for a citation that is no URL. */
    public static Optional<String> host(String source) {
        if (!source.startsWith("http://") && !source.startsWith("https://")) {
            return Optional.empty();
        }
        try {
            String host = URI.create(source.replace(" ", "%20")).getHost();
            if (host == null) {
                return Optional.empty();
            }
            host = host.toLowerCase(Locale.ROOT);
            return Optional.of(host.startsWith("www.") ? host.substring(4) : host);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
