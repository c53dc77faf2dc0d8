package org.aifactory.cli;

import static org.aifactory.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aifactory.cli.Cli.Outcome;
import org.aifactory.scenario.LanguageSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema [FILE]}: the JSON Schema on stdout or in a file, never over someone's file. */
class SchemaCommandTest {
  @TempDir Path tmp;

  @Test
  void printsTheSchemaWithoutAFile() throws IOException {
    Outcome o = run("schema");
    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).isEqualTo(LanguageSchema.json());
    JsonNode schema = new ObjectMapper().readTree(o.out());
    assertThat(schema.path("$schema").asText())
        .isEqualTo("http://json-schema.org/draft-07/schema#");
    assertThat(schema.at("/properties/horizon/pattern").asText()).contains("min").contains("ns");
  }

  @Test
  void writesAFileAndWritesItAgain() throws IOException {
    Path file = tmp.resolve("scenario.schema.json");
    Outcome first = run("schema", file.toString());
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo(LanguageSchema.json());
    Files.writeString(file, Files.readString(file).replace("AI factory scenario", "old title"));
    boolean posix = Files.getFileStore(file).supportsFileAttributeView("posix");
    var permissions = posix ? Files.getPosixFilePermissions(file) : null;
    Outcome again = run("schema", file.toString());
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo(LanguageSchema.json());
    if (posix) {
      assertThat(Files.getPosixFilePermissions(file)).isEqualTo(permissions);
    }
    try (var files = Files.list(tmp)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void neverOverwritesAFileItDidNotWrite() throws IOException {
    Path file = tmp.resolve("mine.json");
    Files.writeString(file, "{\"title\": \"my own schema\"}\n");
    Outcome o = run("schema", file.toString());
    assertThat(o.code()).isEqualTo(Main.EXIT_USER);
    assertThat(o.err()).contains("is not a schema written by 'aifactory schema'");
    assertThat(Files.readString(file)).isEqualTo("{\"title\": \"my own schema\"}\n");
  }

  @Test
  void aFolderOrAMissingFolderIsAUserError() {
    Outcome folder = run("schema", tmp.toString());
    assertThat(folder.code()).isEqualTo(Main.EXIT_USER);
    assertThat(folder.err()).contains("is a folder");
    Outcome missing = run("schema", tmp.resolve("no/such/s.json").toString());
    assertThat(missing.code()).isEqualTo(Main.EXIT_USER);
    assertThat(missing.err()).contains("does not exist");
    assertThat(tmp.resolve("no")).doesNotExist();
  }
}
