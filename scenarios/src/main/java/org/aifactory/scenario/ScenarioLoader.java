package org.aifactory.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads scenarios from files or from the bundled library, applies {@code --set} overrides, and
 * checks everything; all errors found are reported together in one {@link ScenarioException}.
 */
public final class ScenarioLoader {

  private static final String BUNDLED_PREFIX = "bundled:";

  public ScenarioLoader() {}

  /**
   * Loads a scenario.
   *
   * @param ref a file path (one that exists, or that ends in .yaml or .yml) or a bundled scenario
   *     name
   * @param setOverrides {@code path=value} overrides, applied in order
   */
  public Scenario load(String ref, List<String> setOverrides) throws ScenarioException {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(setOverrides, "setOverrides");
    Optional<Path> file = asPath(ref);
    if (file.isPresent() && Files.exists(file.get())) {
      Path folder = Optional.ofNullable(file.get().getParent()).orElse(Path.of(""));
      return parse(ref, read(ref, file.get()), setOverrides, folder);
    }
    if (looksLikeFile(ref)) {
      String absolute = file.map(p -> " (" + p.toAbsolutePath() + ")").orElse("");
      throw fileError(ref, "no such file" + absolute);
    }
    Optional<String> bundled = ScenarioLibrary.text(ref);
    if (bundled.isPresent()) {
      return parse(BUNDLED_PREFIX + ref, bundled.get(), setOverrides);
    }
    List<String> names = ScenarioLibrary.names();
    throw fileError(
        ref,
        "no such file or bundled scenario"
            + Suggestions.didYouMean(ref, names)
            + "; bundled scenarios: "
            + String.join(", ", names));
  }

  /** Loads a scenario without overrides. */
  public Scenario load(String ref) throws ScenarioException {
    return load(ref, List.of());
  }

  /**
   * Reads a scenario from text; files it names (hourly weather) are relative to the working
   * directory.
   *
   * @param sourceLabel names the text in errors and becomes {@link Scenario#source()}
   */
  public Scenario parse(String sourceLabel, String yamlText, List<String> setOverrides)
      throws ScenarioException {
    return parse(sourceLabel, yamlText, setOverrides, Path.of(""));
  }

  /**
   * Reads a scenario from text whose files (hourly weather) are named relative to {@code folder}.
   *
   * @param sourceLabel names the text in errors and becomes {@link Scenario#source()}
   * @param folder the folder of the scenario file; {@code Path.of("")} for the working directory
   */
  public Scenario parse(String sourceLabel, String yamlText, List<String> setOverrides, Path folder)
      throws ScenarioException {
    Objects.requireNonNull(sourceLabel, "sourceLabel");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(setOverrides, "setOverrides");
    Diagnostics diagnostics = new Diagnostics();
    Optional<YamlNode> root = YamlTreeReader.forFile(sourceLabel, diagnostics).read(yamlText, "");
    if (root.isEmpty()) {
      if (!diagnostics.hasErrors()) {
        diagnostics.error(
            Location.start(sourceLabel),
            "",
            "the file is empty; a scenario needs at least name, horizon and clusters"
                + " (see the scenario language in README.md)");
      }
      diagnostics.throwIfAny();
    }
    if (root.get() instanceof YamlMap map) {
      new Overrides(diagnostics).apply(map, setOverrides);
    }
    Optional<Scenario> scenario =
        new ScenarioBinder(diagnostics, folder).bind(root.get(), sourceLabel);
    diagnostics.throwIfAny();
    return scenario.orElseThrow(
        () -> new IllegalStateException("scenario not bound, but no error was reported"));
  }

  private static Optional<Path> asPath(String ref) {
    try {
      return Optional.of(Path.of(ref));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  private static boolean looksLikeFile(String ref) {
    return ref.endsWith(".yaml") || ref.endsWith(".yml") || ref.contains("/") || ref.contains("\\");
  }

  private static String read(String ref, Path file) throws ScenarioException {
    if (Files.isDirectory(file)) {
      throw fileError(ref, "is a folder, not a scenario file");
    }
    try {
      long size = Files.size(file);
      if (size > InputLimits.MAX_TEXT_BYTES) {
        throw fileError(
            ref,
            String.format(
                Locale.ROOT,
                "is %.1f MB (%,d bytes); scenario files are limited to %s",
                size / 1e6,
                size,
                TextScan.megabytes(InputLimits.MAX_TEXT_BYTES)));
      }
      return utf8(ref, Files.readAllBytes(file));
    } catch (IOException e) {
      throw fileError(ref, "cannot be read: " + e);
    }
  }

  /** {@code bytes} decoded as UTF-8; a located error at the first byte that is not UTF-8. */
  private static String utf8(String ref, byte[] bytes) throws ScenarioException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int[] at = TextScan.positionAfter(out.flip().toString());
      String message =
          String.format(
              Locale.ROOT, "the file is not UTF-8 text (byte 0x%02X)", bytes[in.position()] & 0xFF);
      throw new ScenarioException(List.of(new ScenarioError(ref, at[0], at[1], "", message)));
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static ScenarioException fileError(String ref, String message) {
    return new ScenarioException(List.of(new ScenarioError(ref, 0, 0, "", message)));
  }
}
