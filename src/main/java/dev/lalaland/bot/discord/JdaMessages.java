package dev.lalaland.bot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import dev.lalaland.bot.cache.Caches;
import dev.lalaland.bot.render.DiscordLimits;
import dev.lalaland.bot.render.Embed;
import dev.lalaland.bot.render.Reply;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageCreateRequest;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Translates a {@link Reply} into JDA message data, clamped to Discord's limits, with no mentions. */
final class JdaMessages {
    /** More than the cards there are to show (a card per person, song, day of the year and quiz question). */
    static final int EMBEDS_KEPT = 1024;

    /**
     * JDA's form of recently sent reply embeds, by identity. Commands keep their rendered replies,
     * so the same {@link Embed} comes back again and again; its {@link MessageEmbed} is then built
     * and checked once and keeps its JSON, which was a good part of answering with a card in the
     * benchmark. It only helps when a command returns the very same {@code Embed} object: an equal
     * one built anew is a miss (comparing contents would mean hashing every field on each reply).
     * Posts (a question's answer, a night's question, the daily post) are new every time and are
     * not kept: each one held here until a thousand newer ones pushed it out lived long enough to
     * reach the old generation and fill it, which showed as full collections under load.
     */
    private final Cache<EmbedIdentity, MessageEmbed> recentEmbeds = Caches.bounded(EMBEDS_KEPT);

    /** Equal only to the very same embed: content equality would mean hashing every field. */
    private record EmbedIdentity(Embed embed) {
        @Override
        public boolean equals(Object other) {
            return other instanceof EmbedIdentity that && that.embed == embed;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(embed);
        }
    }

    /**
     * The reply to an interaction, set straight on JDA's reply action: building a
     * {@code MessageCreateData} first would be copied into the action and checked a second time,
     * which the benchmark showed on every interaction.
     */
    ReplyCallbackAction reply(IReplyCallback interaction, Reply reply) {
        Reply fitted = DiscordLimits.clamp(reply);
        return fill(interaction.deferReply(fitted.ephemeral()), fitted, true);
    }

    /** A channel post: its embeds are built for it alone. */
    MessageCreateData create(Reply reply) {
        return fill(new MessageCreateBuilder(), DiscordLimits.clamp(reply), false).build();
    }

    /** A new message's parts, the same for a reply and a post; parts the reply lacks are not set. */
    private <R extends MessageCreateRequest<R>> R fill(R message, Reply fitted, boolean keepEmbeds) {
        message.setContent(fitted.content()).setAllowedMentions(List.of());
        if (!fitted.embeds().isEmpty()) {
            message.setEmbeds(keepEmbeds ? replyEmbeds(fitted) : postEmbeds(fitted));
        }
        if (!fitted.buttonRows().isEmpty()) {
            message.setComponents(rows(fitted));
        }
        if (!fitted.attachments().isEmpty()) {
            message.setFiles(files(fitted));
        }
        return message;
    }

    MessageEditData edit(Reply reply) {
        Reply fitted = DiscordLimits.clamp(reply);
        return new MessageEditBuilder()
                .setContent(fitted.content())
                .setEmbeds(postEmbeds(fitted))
                .setComponents(rows(fitted))
                .setAllowedMentions(List.of())
                .setFiles(files(fitted))
                .build();
    }

    /** A post's embeds, built for it alone. */
    static List<MessageEmbed> postEmbeds(Reply reply) {
        return reply.embeds().stream().map(JdaMessages::jda).toList();
    }

    /** A reply's embeds, kept by identity for the next reply showing the same card. */
    List<MessageEmbed> replyEmbeds(Reply reply) {
        List<MessageEmbed> embeds = new ArrayList<>();
        for (Embed e : reply.embeds()) {
            embeds.add(recentEmbeds.get(new EmbedIdentity(e), known -> jda(known.embed())));
        }
        return embeds;
    }

    /** How many embeds are kept, once upkeep has run: for the test of the bound. */
    long embedsKept() {
        recentEmbeds.cleanUp();
        return recentEmbeds.estimatedSize();
    }

    private static MessageEmbed jda(Embed e) {
        EmbedBuilder b = new EmbedBuilder()
                .setTitle(e.title())
                .setDescription(e.description())
                .setFooter(e.footer());
        if (e.color() != null) {
            b.setColor(e.color());
        }
        if (e.imageAttachment() != null) {
            b.setImage("attachment://" + e.imageAttachment());
        }
        e.fields().forEach(f -> b.addField(f.name(), f.value(), f.inline()));
        return b.build();
    }

    private static List<ActionRow> rows(Reply reply) {
        return reply.buttonRows().stream()
                .map(row -> ActionRow.of(row.stream().map(JdaMessages::button).toList()))
                .toList();
    }

    private static Button button(dev.lalaland.bot.render.Button b) {
        Button button = switch (b.style()) {
            case PRIMARY -> Button.primary(b.id(), b.label());
            case SECONDARY -> Button.secondary(b.id(), b.label());
            case SUCCESS -> Button.success(b.id(), b.label());
            case DANGER -> Button.danger(b.id(), b.label());
        };
        return b.disabled() ? button.asDisabled() : button;
    }

    /** A form: each input under its label, a select picking exactly one option when required. */
    static Modal modal(dev.lalaland.bot.render.Modal form) {
        List<Label> inputs = new ArrayList<>();
        for (dev.lalaland.bot.render.Modal.Input input : form.inputs()) {
            inputs.add(Label.of(input.label(), input instanceof dev.lalaland.bot.render.Modal.Select select
                    ? select(select) : text((dev.lalaland.bot.render.Modal.Text) input)));
        }
        return Modal.create(form.id(), form.title()).addComponents(inputs).build();
    }

    private static StringSelectMenu select(dev.lalaland.bot.render.Modal.Select select) {
        StringSelectMenu.Builder menu = StringSelectMenu.create(select.id())
                .setRequiredRange(select.required() ? 1 : 0, 1)
                .setRequired(select.required());
        select.options().forEach(o -> menu.addOption(o.label(), o.value(), o.description()));
        return menu.build();
    }

    private static TextInput text(dev.lalaland.bot.render.Modal.Text text) {
        TextInput.Builder input = TextInput.create(text.id(),
                        text.paragraph() ? TextInputStyle.PARAGRAPH : TextInputStyle.SHORT)
                .setRequired(text.required())
                .setMaxLength(text.maxLength());
        if (text.placeholder() != null) {
            input.setPlaceholder(text.placeholder());
        }
        return input.build();
    }

    private static List<FileUpload> files(Reply reply) {
        return reply.attachments().stream()
                .map(a -> FileUpload.fromData(a.data(), a.fileName()).setDescription(a.description()))
                .toList();
    }
}
