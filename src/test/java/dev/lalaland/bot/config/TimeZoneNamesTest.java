package dev.lalaland.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Choice;
import dev.lalaland.bot.render.DiscordLimits;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZoneNamesTest {
    private final TimeZoneNames zones = new TimeZoneNames();

    @Test
    void aCityFindsItsZoneFirstWhateverTheCase() {
        assertThat(zones.suggest("paris")).first().isEqualTo(new Choice("Europe/Paris", "Europe/Paris"));
        assertThat(zones.suggest("PARIS")).first().extracting(Choice::value).isEqualTo("Europe/Paris");
        assertThat(zones.suggest("new york")).first().extracting(Choice::value).isEqualTo("America/New_York");
        assertThat(zones.suggest("new_york")).first().extracting(Choice::value).isEqualTo("America/New_York");
        assertThat(zones.suggest("kolk")).first().extracting(Choice::value).isEqualTo("Asia/Kolkata");
    }

    @Test
    void namesStartingWithTheTextComeBeforeNamesContainingIt() {
        List<String> values = zones.suggest("lon").stream().map(Choice::value).toList();
        assertThat(values).contains("Europe/London");
        assertThat(values.indexOf("Europe/London")).isLessThan(values.size());
        assertThat(values.get(0)).matches("(?i).*(^|/)lon.*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "e", "america", "/", "zzzz", "   "})
    void suggestionsAlwaysFitDiscordsLimits(String typed) {
        List<Choice> choices = zones.suggest(typed);
        assertThat(DiscordLimits.violations(choices)).isEmpty();
        assertThat(choices).hasSizeLessThanOrEqualTo(25);
        choices.forEach(c -> assertThat(zones.resolve(c.value())).isEqualTo(ZoneId.of(c.value())));
    }

    @Test
    void nothingTypedOffersCommonZones() {
        assertThat(zones.suggest("")).extracting(Choice::value).contains("UTC", "Europe/Paris", "America/New_York");
    }

    @Test
    void resolvesAnyCaseAndSpacesButOnlyRealZoneNames() {
        assertThat(zones.resolve("europe/paris")).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(zones.resolve("America/New York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(zones.resolve("utc")).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> zones.resolve("Mars/Olympus_Mons")).isInstanceOf(UserInputException.class)
                .hasMessageContaining("Europe/Paris");
        assertThatThrownBy(() -> zones.resolve("+02:00")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> zones.resolve("Paris")).isInstanceOf(UserInputException.class);
    }
}
