package dev.lalaland.bot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lalaland.bot.command.FormSubmit;
import dev.lalaland.bot.command.Invoker;
import dev.lalaland.bot.command.UserInputException;
import dev.lalaland.bot.render.Modal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormTest {
    static final Invoker BOB = new Invoker("2", "bob", "10", "20", false);

    static FormSubmit submit(Map<String, String> values) {
        return new FormSubmit("report:q.1", values, BOB, Instant.EPOCH);
    }

    @Test
    void theFormOffersTheFourReasonsAndAnOptionalNoteWithinDiscordsLimits() {
        Modal modal = ReportForm.modal("report:q.1");
        assertThat(modal.id()).isEqualTo("report:q.1");
        assertThat(modal.title().length()).isLessThanOrEqualTo(Modal.TITLE);
        Modal.Select reason = (Modal.Select) modal.inputs().get(0);
        assertThat(reason.required()).isTrue();
        assertThat(reason.options()).extracting(Modal.Option::value)
                .containsExactly("wrong-answer", "two-right-answers", "unclear", "typo");
        assertThat(reason.options()).allSatisfy(o -> assertThat(o.description().length()).isLessThanOrEqualTo(100));
        Modal.Text note = (Modal.Text) modal.inputs().get(1);
        assertThat(note.required()).isFalse();
        assertThat(note.paragraph()).isTrue();
        assertThat(note.maxLength()).isEqualTo(ReportForm.NOTE_MAX);
        assertThat(note.placeholder().length()).isLessThanOrEqualTo(100);
        assertThat(modal.inputs()).allSatisfy(i -> assertThat(i.label().length()).isLessThanOrEqualTo(45));
    }

    @Test
    void aReasonAndANoteAreRead() {
        ReportForm.Filled filled = ReportForm.read(submit(Map.of("reason", "typo", "note", "  'Mia' is spelt 'Miah'  ")));
        assertThat(filled.reason()).isEqualTo(ReportReason.TYPO);
        assertThat(filled.note()).isEqualTo("'Mia' is spelt 'Miah'");
        assertThat(filled.noteCut()).isFalse();
    }

    @Test
    void aBlankNoteIsNoNote() {
        assertThat(ReportForm.read(submit(Map.of("reason", "unclear", "note", " \n "))).note()).isNull();
        assertThat(ReportForm.read(submit(Map.of("reason", "unclear"))).note()).isNull();
    }

    @Test
    void aMissingOrUnknownReasonIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> ReportForm.read(submit(Map.of("note", "hi"))))
                .isInstanceOf(UserInputException.class).hasMessageContaining("Pick a reason");
        assertThatThrownBy(() -> ReportForm.read(submit(Map.of("reason", "WRONG_ANSWER"))))
                .isInstanceOf(UserInputException.class)
                .hasMessage("The reason must be one of: wrong-answer, two-right-answers, unclear, typo.");
    }

    @Test
    void aNoteLongerThanTheFormAllowsIsCutAndSaysSo() {
        ReportForm.Filled filled = ReportForm.read(submit(Map.of("reason", "typo", "note", "y".repeat(4000))));
        assertThat(filled.note()).hasSize(ReportForm.NOTE_MAX);
        assertThat(filled.noteCut()).isTrue();
    }

    @Test
    void aCutNeverSplitsAnEmojiAndControlCharactersGo() {
        String note = "a".repeat(ReportForm.NOTE_MAX - 1) + "😀😀";
        ReportForm.Filled filled = ReportForm.read(submit(Map.of("reason", "typo", "note", note)));
        assertThat(filled.note()).isEqualTo("a".repeat(ReportForm.NOTE_MAX - 1));
        assertThat(ReportForm.read(submit(Map.of("reason", "typo", "note", "a\u0000b\u202Ec\nd"))).note())
                .isEqualTo("a b\u202Ec\nd");
    }
}
