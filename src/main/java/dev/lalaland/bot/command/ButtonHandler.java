package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Reply;

/**
 * Handles clicks on buttons whose custom id starts with {@code prefix() + ":"}, and the forms
 * ({@link dev.lalaland.bot.render.Modal}) such a click opens, whose ids start the same way. Ids
 * must be meaningful after a restart: they name stored state, never in-memory objects.
 * A reply is normally ephemeral: the click's private acknowledgement.
 */
public interface ButtonHandler {

    String prefix();

    Reply onClick(ButtonClick click);

    /** A form this handler opened, filled in; handlers that open none keep this answer. */
    default Reply onSubmit(FormSubmit form) {
        return Reply.privateText("This form no longer does anything.");
    }
}
