package dev.lalaland.bot.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lalaland.bot.quiz.Difficulty;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas in data/schema/ and the code that reads the same values agree. */
class FactSchemasTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyDataFileNamesItsSchemaForEditors() throws IOException {
        for (String file : FactFiles.ALL) {
            assertThat(read("/data/" + file).path("$schema").asText()).as(file)
                    .isEqualTo("schema/" + FactSchemas.schemaFileOf(file));
            assertThat(read("/data/schema/" + FactSchemas.schemaFileOf(file)).path("$id").asText())
                    .isEqualTo(FactSchemas.schemaFileOf(file));
        }
    }

    @Test
    void theSchemasEnumsAreTheCodesEnums() throws IOException {
        assertThat(enumAt("facts", "fact", "category")).isEqualTo(QuizCategory.ids());
        assertThat(enumAt("questions", "question", "category")).isEqualTo(QuizCategory.ids());
        assertThat(enumAt("questions", "question", "difficulty")).isEqualTo(Difficulty.ids());
        assertThat(enumAt("awards", "ceremony", "group")).isEqualTo(AwardGroup.ids());
    }

    private List<String> enumAt(String file, String record, String field) throws IOException {
        JsonNode values = read("/data/schema/" + file + ".schema.json").path("$defs").path(record)
                .path("properties").path(field).path("enum");
        List<String> ids = new ArrayList<>();
        values.forEach(v -> ids.add(v.asText()));
        assertThat(ids).as(file + " " + record + "." + field).isNotEmpty();
        return ids;
    }

    private JsonNode read(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return mapper.readTree(in);
        }
    }
}
