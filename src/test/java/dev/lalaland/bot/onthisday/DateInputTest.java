package dev.lalaland.bot.onthisday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.UserInputException;
import java.time.MonthDay;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"2016-12-09", "12-09", "12-9", "December 9", "december 9", "DECEMBER 9", "Dec 9",
            "dec. 9", "9 Dec", "9 december", "9th December", "9th of December", "December 9th", "December 9, 2016",
            "9 Dec 2016", "  Dec   9  ", "decem 9"})
    void readsEveryAcceptedFormOfDecemberNinth(String text) {
        assertThat(DateInput.parse(text)).isEqualTo(MonthDay.of(12, 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Feb 29", "29 February", "02-29", "2016-02-29"})
    void acceptsTheLeapDay(String text) {
        assertThat(DateInput.parse(text)).isEqualTo(MonthDay.of(2, 29));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sept 5", "sep 5", "5 September"})
    void readsSeptemberAbbreviations(String text) {
        assertThat(DateInput.parse(text)).isEqualTo(MonthDay.of(9, 5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13-45", "02-30", "00-10", "12-00", "2017-02-29", "2016-13-01", "Dec 32", "Feb 30",
            "hello", "Decembre 9", "ju 4", "12/09", "9", "December", "tomorrow", "2016-12", "-12-09", "12-09-2016"})
    void refusesWhatIsNotADayAndSaysWhatIsAccepted(String text) {
        assertThatThrownBy(() -> DateInput.parse(text))
                .isInstanceOf(UserInputException.class)
                .hasMessageContaining("MM-DD")
                .hasMessageContaining("December 9");
    }

    @org.junit.jupiter.api.Test
    void refusesAHugeStringWithoutEchoingIt() {
        String huge = "9 December ".repeat(1000);
        assertThatThrownBy(() -> DateInput.parse(huge))
                .isInstanceOf(UserInputException.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300));
    }

    @org.junit.jupiter.api.Test
    void backticksInInputCannotBreakTheMessageFormatting() {
        assertThatThrownBy(() -> DateInput.parse("`@everyone`"))
                .hasMessageNotContaining("`@everyone`");
    }
}
