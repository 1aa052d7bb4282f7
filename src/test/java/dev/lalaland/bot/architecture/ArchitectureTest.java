package dev.lalaland.bot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The design's rules, as tests: each one held by convention before and now fails the build when
 * broken. CONTRIBUTING.md explains them; change both together.
 *
 * <p>Only the bot's own classes are checked, not the tests: tests may read the real clock and
 * drive JDA directly (the fake Discord and the end-to-end tests do).
 */
class ArchitectureTest {
    private static final String BOT = "dev.lalaland.bot";

    /** The one class that wires everything and reads the real clock (see {@link #clockIsReadOnlyAtTheEdge}). */
    private static final String MAIN = BOT + ".Main";

    /** Packages that are each one feature: a command (or a few) and what only it needs. */
    private static final Set<String> FEATURES = Set.of("awards", "cast", "config", "help", "onthisday", "quiz", "report",
            "song");

    /**
     * The only places one feature may use another, and why. Anything else shared by two features
     * belongs in a shared package (command, render, facts, match, cache, routine, db, shard).
     */
    private static final Map<String, Set<String>> FEATURE_USES = Map.of(
            // A person's card and a song's card list their awards the way /awards does (AwardLines).
            "cast", Set.of("awards"),
            "song", Set.of("awards"),
            // /config turns the daily "on this day" post on and off, in that feature's store and schedule.
            "config", Set.of("onthisday"),
            // Every answer reveal has report's Report button, /quiz reports is its list, and the
            // question picker skips the questions muted there; report knows questions by id and text only.
            "quiz", Set.of("report"));

    /** Shared building blocks: used by features and edges, they use none of them. */
    private static final List<String> SHARED =
            List.of("cache", "command", "db", "facts", "match", "render", "routine", "settings", "shard");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BOT);

    @Test
    void jdaIsUsedOnlyInTheDiscordPackage() {
        // Commands, quiz rules, scoring, scheduling and rendering are plain Java: console mode and
        // the tests run them without Discord, and a JDA upgrade touches one package. The wiring
        // (Main, BotApplication) needs no JDA type either: discord/ turns JDA's failures into its own.
        noClasses().that().resideOutsideOfPackage(BOT + ".discord..")
                .should().dependOnClassesThat().resideInAPackage("net.dv8tion..")
                .check(CLASSES);
    }

    @Test
    void clockIsReadOnlyAtTheEdge() {
        // Everything that needs the time takes a java.time.Clock, so tests can set and move it.
        // Main makes the one real clock. System.nanoTime is allowed: it measures a wait (a stop's
        // deadline), never the date.
        noClasses().that().doNotHaveFullyQualifiedName(MAIN)
                .should().callMethodWhere(readsTheRealClock())
                .because("the time comes from the Clock passed in (Main creates the real one)")
                .check(CLASSES);
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(BOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void nothingDependsOnTheWiring() {
        // Main, BotApplication and Features depend on everything; a dependency back would be a cycle
        // the slices above cannot see (the root package is in no slice).
        noClasses().that().resideOutsideOfPackage(BOT)
                .should().dependOnClassesThat().resideInAPackage(BOT)
                .check(CLASSES);
    }

    @Test
    void featuresUseEachOtherOnlyWhereTheDesignSays() {
        for (String feature : FEATURES) {
            List<String> forbidden = new ArrayList<>();
            for (String other : FEATURES) {
                if (!other.equals(feature) && !FEATURE_USES.getOrDefault(feature, Set.of()).contains(other)) {
                    forbidden.add(BOT + "." + other + "..");
                }
            }
            noClasses().that().resideInAPackage(BOT + "." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .because("features are independent except " + FEATURE_USES + " (CONTRIBUTING.md)")
                    .check(CLASSES);
        }
    }

    @Test
    void sharedPackagesUseNoFeatureAndNoEdge() {
        List<String> above = new ArrayList<>();
        FEATURES.forEach(f -> above.add(BOT + "." + f + ".."));
        above.add(BOT + ".discord..");
        above.add(BOT + ".console..");
        noClasses().that().resideInAnyPackage(SHARED.stream().map(s -> BOT + "." + s + "..").toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(above.toArray(String[]::new))
                .check(CLASSES);
    }

    @Test
    void theRulesSeeTheWholeBot() {
        // A rule over no classes passes; make sure the import found the packages the rules name.
        Set<String> packages = new java.util.HashSet<>();
        CLASSES.forEach(c -> packages.add(c.getPackageName()));
        FEATURES.forEach(f -> org.assertj.core.api.Assertions.assertThat(packages).contains(BOT + "." + f));
        SHARED.forEach(s -> org.assertj.core.api.Assertions.assertThat(packages).contains(BOT + "." + s));
        org.assertj.core.api.Assertions.assertThat(packages).contains(BOT + ".discord", BOT);
    }

    /** {@code Instant.now()}, {@code LocalDate.now()} and the like (any but {@code now(Clock)}), the system clocks, {@code currentTimeMillis}. */
    private static DescribedPredicate<JavaCall<?>> readsTheRealClock() {
        return DescribedPredicate.describe("read the real clock", call -> {
            String owner = call.getTargetOwner().getFullName();
            String name = call.getName();
            List<String> params = call.getTarget().getRawParameterTypes().stream().map(t -> t.getFullName()).toList();
            if (owner.equals("java.lang.System")) {
                return name.equals("currentTimeMillis");
            }
            if (owner.equals("java.time.Clock")) {
                return name.startsWith("system");
            }
            if (owner.startsWith("java.time.") && name.equals("now")) {
                return !params.equals(List.of("java.time.Clock"));
            }
            return owner.equals("java.util.Date") && name.equals("<init>") && params.isEmpty();
        });
    }
}
