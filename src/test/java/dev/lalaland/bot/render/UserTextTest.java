package dev.lalaland.bot.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserTextTest {
    @Test
    void showsTheTextAsTypedInACodeSpanWhereMarkdownAndMentionsAreInert() {
        assertThat(UserText.quoted("**bold** ||spoiler|| [x](https://e.x) @everyone <@&456>", 100))
                .isEqualTo("`**bold** ||spoiler|| [x](https://e.x) @everyone <@&456>`");
    }

    @Test
    void aBacktickCannotCloseTheSpan() {
        assertThat(UserText.quoted("a`b```c", 100)).isEqualTo("`a'b'''c`");
    }

    @Test
    void controlAndRightToLeftCharactersBecomeSpacesOnOneLine() {
        assertThat(UserText.quoted("Emma\u001b[2J\nStone\u202Eevil", 100)).isEqualTo("`Emma [2J Stone evil`");
    }

    @Test
    void longTextIsCutAndEmptyTextStillMakesASpan() {
        assertThat(UserText.quoted("x".repeat(10_000), 50)).hasSize(52).endsWith("…`");
        assertThat(UserText.quoted("\u0000\u0001", 50)).isEqualTo("` `");
        assertThat(UserText.quoted(null, 50)).isEqualTo("` `");
    }
}
