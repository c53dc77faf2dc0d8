package org.aifactory.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The scenarios bundled in the jar: {@code /scenarios/<name>.yaml}, listed in {@code
 * /scenarios/index.txt} (one name per line; blank lines and {@code #} comments ignored) so that
 * they can be listed from inside a shaded jar.
 */
public final class ScenarioLibrary {
  private static final String FOLDER = "/scenarios/";
  private static final String INDEX = FOLDER + "index.txt";

  private ScenarioLibrary() {}

  /** The bundled scenarios in index order, each with the description written in its file. */
  public static List<BundledScenario> list() {
    return names().stream().map(name -> new BundledScenario(name, description(name))).toList();
  }

  /** The YAML text of a bundled scenario; empty if there is no bundled scenario of that name. */
  public static Optional<String> text(String name) {
    if (!names().contains(name)) {
      return Optional.empty();
    }
    return resource(FOLDER + name + ".yaml");
  }

  /**
   * What to say when {@code name} is not a bundled scenario: the nearest name, if one is close, and
   * all of them.
   */
  public static String notBundled(String name) {
    List<String> names = names();
    return "no bundled scenario '"
        + name
        + "'"
        + Suggestions.didYouMean(name, names)
        + "; bundled scenarios: "
        + String.join(", ", names);
  }

  /** The names listed in the index. */
  static List<String> names() {
    return resource(INDEX).stream()
        .flatMap(String::lines)
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  private static String description(String name) {
    Optional<YamlNode> root =
        text(name).flatMap(t -> YamlTreeReader.forFile(name, new Diagnostics()).read(t, ""));
    if (root.isPresent()
        && root.get() instanceof YamlMap map
        && map.get("description").orElse(null) instanceof YamlScalar description
        && !description.isNull()) {
      return description.text().strip();
    }
    return "";
  }

  private static Optional<String> resource(String path) {
    try (InputStream in = ScenarioLibrary.class.getResourceAsStream(path)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading bundled resource " + path, e);
    }
  }
}
