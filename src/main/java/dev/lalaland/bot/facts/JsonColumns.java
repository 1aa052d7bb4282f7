package dev.lalaland.bot.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Reads the JSON array columns (sources, aliases, choices) of the fact tables. */
public final class JsonColumns {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    private JsonColumns() {
    }

    public static List<String> strings(String column) {
        if (column == null) {
            return List.of();
        }
        try {
            return JSON.readValue(column, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt JSON column: " + column, e);
        }
    }

    public static String of(List<String> values) {
        return FactImporter.json(values);
    }
}
