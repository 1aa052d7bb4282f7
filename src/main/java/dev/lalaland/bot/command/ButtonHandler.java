package dev.lalaland.bot.command;

import dev.lalaland.bot.render.Reply;

/**
 * Handles clicks on buttons whose custom id starts with {@code prefix() + ":"}. Ids must be
 * meaningful after a restart: they name stored state, never in-memory objects.
 * A reply is normally ephemeral: the click's private acknowledgement.
 */
public interface ButtonHandler {

    String prefix();

    Reply onClick(ButtonClick click);
}
