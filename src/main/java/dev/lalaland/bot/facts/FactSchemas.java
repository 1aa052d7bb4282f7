package dev.lalaland.bot.facts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules for each fact file, as the JSON Schema files in {@code data/schema/} (bundled in the
 * jar): one schema per data file plus {@code common.schema.json} for the field types they share.
 * The data files name their schema in {@code $schema}, so an editor checks them as they are typed;
 * the bot checks them with the same files here. What one file cannot say about itself (an id used
 * twice, references between files) stays in {@link FactFiles}.
 *
 * <p>Each problem is said as {@code check-data} always said it: the file, the JSON path of the
 * field, and what is wrong in plain words (the schemas' {@code errorMessage}s, or the wording below).
 */
final class FactSchemas {
    /** Where the schemas are in the jar (and in {@code data/schema/} of the source tree). */
    private static final String LOCATION = "classpath:data/schema/";
    /** Keywords whose message is followed by the value found, short enough to show. */
    private static final Set<String> SHOW_VALUE = Set.of("type", "pattern", "format", "minimum", "maximum", "enum");
    private static final int SHOWN_VALUE = 60;

    private final SchemaRegistry registry;

    FactSchemas() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true) // "format": "date" must refuse 1988-13-06
                .errorMessageKeyword("errorMessage")
                .build();
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
    }

    /** The schema file that holds {@code dataFile}'s rules, e.g. {@code people.schema.json}. */
    static String schemaFileOf(String dataFile) {
        return dataFile.replace(".json", ".schema.json");
    }

    /** Every way {@code root}, read from {@code dataFile}, breaks its schema; empty when it keeps it. */
    List<DataProblem> check(String dataFile, JsonNode root) {
        Schema schema = registry.getSchema(SchemaLocation.of(LOCATION + schemaFileOf(dataFile)));
        List<DataProblem> problems = new ArrayList<>();
        for (Error e : schema.validate(root)) {
            problems.add(problem(dataFile, e));
        }
        return problems;
    }

    private static DataProblem problem(String dataFile, Error e) {
        String at = e.getInstanceLocation().toString();
        return switch (e.getKeyword()) {
            case "required" -> new DataProblem(dataFile, at + "." + e.getProperty(), "missing required field");
            case "additionalProperties" -> new DataProblem(dataFile, at + "." + e.getProperty(),
                    "unknown field (data/schema/" + schemaFileOf(dataFile) + " lists the known ones)");
            case "maxLength" -> new DataProblem(dataFile, at, "is " + e.getInstanceNode().asText().length()
                    + " characters (max " + e.getSchemaNode().asInt() + ")");
            case "enum" -> new DataProblem(dataFile, at, "must be one of " + allowed(e.getSchemaNode()) + shown(e));
            default -> new DataProblem(dataFile, at, e.getMessage() + (SHOW_VALUE.contains(e.getKeyword()) ? shown(e) : ""));
        };
    }

    private static Set<String> allowed(JsonNode enumNode) {
        Set<String> allowed = new TreeSet<>();
        enumNode.forEach(v -> {
            if (!v.isNull()) {
                allowed.add(v.asText());
            }
        });
        return allowed;
    }

    private static String shown(Error e) {
        JsonNode value = e.getInstanceNode();
        if (value == null || value.isContainerNode() || value.toString().length() > SHOWN_VALUE) {
            return "";
        }
        return ", got " + value;
    }
}
