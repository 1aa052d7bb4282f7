package dev.lalaland.bot.facts;

import java.util.Set;

/** What one field of a data record must look like. */
record FieldRule(String name, Type type, boolean required, Set<String> allowed) {

    enum Type { ID, TEXT, INTEGER, BOOLEAN, DATE, PARTIAL_DATE, TEXT_LIST, SOURCES, ENUM }

    static FieldRule required(String name, Type type) {
        return new FieldRule(name, type, true, Set.of());
    }

    static FieldRule optional(String name, Type type) {
        return new FieldRule(name, type, false, Set.of());
    }

    static FieldRule oneOf(String name, String... allowed) {
        return new FieldRule(name, Type.ENUM, true, Set.of(allowed));
    }

    static FieldRule optionalOneOf(String name, String... allowed) {
        return new FieldRule(name, Type.ENUM, false, Set.of(allowed));
    }
}
