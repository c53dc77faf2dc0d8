package org.aifactory.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.Callable;
import org.aifactory.scenario.LanguageSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    header = "Write the JSON Schema of the scenario language.",
    description = {
      "Writes the JSON Schema of scenario files, for completion and inline errors in editors",
      "(see the README), to FILE or to the standard output. Overwrites FILE only if it is a",
      "schema this command wrote."
    })
final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FILE",
      description = "The file to write, e.g. aifactory-scenario.schema.json (default: stdout).")
  Path file;

  @Override
  public Integer call() {
    String schema = LanguageSchema.json();
    if (file == null) {
      spec.commandLine().getOut().print(schema);
      spec.commandLine().getOut().flush();
      return Main.EXIT_OK;
    }
    if (Files.isDirectory(file)) {
      throw new UserException(file + " is a folder; give the schema's file name");
    }
    try {
      if (Files.exists(file)) {
        replace(schema);
      } else {
        create(schema);
      }
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage());
    }
    spec.commandLine().getOut().printf("Wrote %s%n", file);
    return Main.EXIT_OK;
  }

  /** Writes a new file; nothing is left behind if that fails. */
  private void create(String schema) throws IOException {
    try {
      Files.writeString(file, schema, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    } catch (FileAlreadyExistsException e) {
      throw new UserException(file + " was created while the schema was written; run again");
    } catch (NoSuchFileException e) {
      throw new UserException(
          "cannot write "
              + file
              + ": its folder "
              + file.toAbsolutePath().getParent()
              + " does not exist");
    } catch (IOException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Replaces a schema this command wrote, at once (a temporary file renamed over it). */
  private void replace(String schema) throws IOException {
    if (!writtenByUs(file)) {
      throw new UserException(
          file
              + " exists and is not a schema written by 'aifactory schema'; it is left as it is:"
              + " give another FILE");
    }
    Path folder = file.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, ".aifactory-schema-", ".tmp");
    try {
      Files.writeString(temporary, schema, StandardCharsets.UTF_8);
      // A temporary file is private to its owner: keep the permissions the schema had.
      if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(file));
      }
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Whether {@code path} is a JSON object marked as written by this command. */
  private static boolean writtenByUs(Path path) {
    try {
      JsonNode existing = new ObjectMapper().readTree(Files.readString(path));
      return existing != null
          && LanguageSchema.GENERATED_BY.equals(existing.path("$comment").asText(null));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
