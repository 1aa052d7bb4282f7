package dev.lalaland.bot.command;

public enum OptionKind { STRING, INTEGER, CHANNEL, BOOLEAN, USER }
