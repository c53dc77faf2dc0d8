package org.aifactory.scenario;

import java.io.IOException;
import java.math.BigInteger;
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
    Objects.requireNonNull(setOverrides, "setOverrides");
    return load(read(ref), setOverrides);
  }

  /** Parses a scenario read by {@link #read}, with {@code --set} overrides applied in order. */
  public Scenario load(ScenarioSource source, List<String> setOverrides) throws ScenarioException {
    return parse(source.label(), source.text(), setOverrides, source.folderPath());
  }

  /**
   * Reads a scenario's text without parsing it.
   *
   * @param ref a file path (one that exists, or that ends in .yaml or .yml) or a bundled scenario
   *     name
   * @throws ScenarioException when there is no such file or bundled scenario, or it cannot be read
   */
  public ScenarioSource read(String ref) throws ScenarioException {
    return source(ref);
  }

  /**
   * Loads a scenario and sweeps it: the points of the Cartesian product of the {@code --vary}
   * arguments' values, each the scenario (with its {@code --set} overrides) with one value of every
   * varied parameter applied as {@code --set} would apply it (see {@link ScenarioSweep}).
   *
   * @param varies {@code PATH=V1,V2,...} arguments (see {@link SweepReader}): at least one
   * @throws ScenarioException every problem of the scenario, of the {@code --vary} arguments
   *     (located at {@code --vary:<n>:<column>}) and of the points
   */
  public ScenarioSweep sweep(String ref, List<String> setOverrides, List<String> varies)
      throws ScenarioException {
    return sweep(source(ref), setOverrides, varies);
  }

  /** Sweeps a scenario read by {@link #read}, as {@link #sweep(String, List, List)}. */
  public ScenarioSweep sweep(ScenarioSource source, List<String> setOverrides, List<String> varies)
      throws ScenarioException {
    return parseSweep(source.label(), source.text(), setOverrides, varies, source.folderPath());
  }

  /**
   * Reads a scenario from text and sweeps it, as {@link #sweep}.
   *
   * @param sourceLabel names the text in errors and becomes {@link Scenario#source()}
   */
  public ScenarioSweep parseSweep(
      String sourceLabel, String yamlText, List<String> setOverrides, List<String> varies)
      throws ScenarioException {
    return parseSweep(sourceLabel, yamlText, setOverrides, varies, Path.of(""));
  }

  /**
   * Reads a scenario from text and sweeps it, as {@link #sweep}; its data files (hourly weather)
   * are named relative to {@code folder}.
   */
  public ScenarioSweep parseSweep(
      String sourceLabel,
      String yamlText,
      List<String> setOverrides,
      List<String> varies,
      Path folder)
      throws ScenarioException {
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(sourceLabel, "sourceLabel");
    Objects.requireNonNull(yamlText, "yamlText");
    Objects.requireNonNull(setOverrides, "setOverrides");
    Objects.requireNonNull(varies, "varies");
    if (varies.isEmpty()) {
      throw new IllegalArgumentException("a sweep needs at least one --vary");
    }
    Diagnostics diagnostics = new Diagnostics();
    YamlNode root = read(sourceLabel, yamlText, setOverrides, diagnostics);
    Optional<Scenario> base = new ScenarioBinder(diagnostics, folder).bind(root, sourceLabel);
    List<SweepReader.Axis> axes = new SweepReader(diagnostics).read(varies);
    // The points of the axes that could be read are checked even when another could not, so
    // that every problem is reported at once; not when the scenario itself is wrong (every point
    // would repeat its errors).
    List<ScenarioSweep.Point> points = List.of();
    if (base.isPresent() && !axes.isEmpty()) {
      BigInteger count = BigInteger.ONE;
      for (SweepReader.Axis axis : axes) {
        count = count.multiply(BigInteger.valueOf(axis.values().size()));
      }
      if (count.compareTo(BigInteger.valueOf(ScenarioSweep.MAX_POINTS)) > 0) {
        diagnostics.error(
            new Location(Location.VARY_FILE, 1, 1),
            "",
            String.format(
                Locale.ROOT,
                "the --vary options make %s = %,d points; a sweep runs at most %,d (fewer"
                    + " values, or several sweeps)",
                String.join(
                    " x ", axes.stream().map(a -> Integer.toString(a.values().size())).toList()),
                count,
                ScenarioSweep.MAX_POINTS));
      } else {
        points = ScenarioSweep.bind((YamlMap) root, sourceLabel, axes, folder, diagnostics);
      }
    }
    diagnostics.throwIfAny();
    return new ScenarioSweep(
        base.orElseThrow(), axes.stream().map(SweepValues::parameter).toList(), points);
  }

  private ScenarioSource source(String ref) throws ScenarioException {
    Objects.requireNonNull(ref, "ref");
    Optional<Path> file = asPath(ref);
    boolean folder = file.isPresent() && Files.isDirectory(file.get());
    // A folder named like a bundled scenario (an output folder, say) does not hide the scenario.
    if (file.isPresent()
        && Files.exists(file.get())
        && !(folder && !looksLikeFile(ref) && ScenarioLibrary.text(ref).isPresent())) {
      Path parent = Optional.ofNullable(file.get().getParent()).orElse(Path.of(""));
      return new ScenarioSource(ref, read(ref, file.get()), parent.toString());
    }
    if (looksLikeFile(ref)) {
      String absolute = file.map(p -> " (" + p.toAbsolutePath() + ")").orElse("");
      throw fileError(ref, "no such file" + absolute);
    }
    Optional<String> bundled = ScenarioLibrary.text(ref);
    if (bundled.isPresent()) {
      return new ScenarioSource(BUNDLED_PREFIX + ref, bundled.get(), "");
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
    YamlNode root = read(sourceLabel, yamlText, setOverrides, diagnostics);
    Optional<Scenario> scenario = new ScenarioBinder(diagnostics, folder).bind(root, sourceLabel);
    diagnostics.throwIfAny();
    return scenario.orElseThrow(
        () -> new IllegalStateException("scenario not bound, but no error was reported"));
  }

  /**
   * The scenario's tree with the {@code --set} overrides applied.
   *
   * @throws ScenarioException when the text holds no document or has a syntax error
   */
  private static YamlNode read(
      String sourceLabel, String yamlText, List<String> setOverrides, Diagnostics diagnostics)
      throws ScenarioException {
    Optional<YamlNode> root = YamlTreeReader.forFile(sourceLabel, diagnostics).read(yamlText, "");
    if (root.isEmpty()) {
      if (!diagnostics.hasErrors()) {
        diagnostics.error(
            Location.start(sourceLabel),
            "",
            "the file is empty; a scenario needs at least name, horizon and clusters"
                + " (see the scenario language in docs/scenario-language.md)");
      }
      diagnostics.throwIfAny();
    }
    if (root.get() instanceof YamlMap map) {
      new Overrides(diagnostics).apply(map, setOverrides);
    }
    return root.get();
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
