package dev.lalaland.bot.discord;

import dev.lalaland.bot.command.CommandSpec;
import dev.lalaland.bot.command.OptionKind;
import dev.lalaland.bot.command.OptionSpec;
import java.util.List;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** Turns the bot's {@link CommandSpec}s into JDA command definitions for registration. */
final class CommandDefinitions {
    private CommandDefinitions() {
    }

    static List<SlashCommandData> of(List<CommandSpec> specs) {
        return specs.stream().map(CommandDefinitions::of).toList();
    }

    static SlashCommandData of(CommandSpec spec) {
        SlashCommandData data = Commands.slash(spec.name(), spec.description())
                .setContexts(InteractionContextType.GUILD);
        if (spec.requiresManageServer()) {
            data.setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
        }
        spec.options().forEach(o -> data.addOptions(option(o)));
        for (CommandSpec.Subcommand sub : spec.subcommands()) {
            SubcommandData subData = new SubcommandData(sub.name(), sub.description());
            sub.options().forEach(o -> subData.addOptions(option(o)));
            data.addSubcommands(subData);
        }
        return data;
    }

    private static OptionData option(OptionSpec spec) {
        OptionType type = switch (spec.kind()) {
            case STRING -> OptionType.STRING;
            case INTEGER -> OptionType.INTEGER;
            case CHANNEL -> OptionType.CHANNEL;
            case BOOLEAN -> OptionType.BOOLEAN;
            case USER -> OptionType.USER;
        };
        OptionData data = new OptionData(type, spec.name(), spec.description(), spec.required(), spec.autocomplete());
        spec.choices().forEach(choice -> data.addChoice(choice, choice));
        if (spec.kind() == OptionKind.INTEGER && spec.min() != null && spec.max() != null) {
            data.setRequiredRange(spec.min(), spec.max());
        }
        if (spec.kind() == OptionKind.CHANNEL) {
            data.setChannelTypes(ChannelType.TEXT, ChannelType.NEWS);
        }
        if (spec.kind() == OptionKind.STRING && !spec.autocomplete() && spec.choices().isEmpty()) {
            data.setMaxLength(100);
        }
        return data;
    }
}
