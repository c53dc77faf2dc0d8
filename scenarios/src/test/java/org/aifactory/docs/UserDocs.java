package org.aifactory.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The user's documentation as tests read it: the README (what the tool is, the two commands, the
 * commands table, a short example) and the guides in docs/ it links to (the scenario language,
 * outputs, experiments, the metrics glossary, the design notes), but not docs/sources.md.
 */
public final class UserDocs {
  private static final Path ROOT = Path.of("..");

  private UserDocs() {}

  /** README.md alone. */
  public static String readme() throws IOException {
    return Files.readString(ROOT.resolve("README.md"));
  }

  /** README.md, then every guide in docs/ (sorted by name), one after another. */
  public static String all() throws IOException {
    StringBuilder text = new StringBuilder(readme());
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      for (Path p :
          files
              .filter(p -> p.toString().endsWith(".md"))
              .filter(p -> !p.getFileName().toString().equals("sources.md"))
              .sorted()
              .toList()) {
        text.append("\n\n").append(Files.readString(p));
      }
    }
    return text.toString();
  }
}
