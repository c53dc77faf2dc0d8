package org.aifactory.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code variants:}, a list of {@code {name, description, set}}. Each variant is the
 * scenario's tree (after {@code --set}) without its {@code variants}, with the variant's {@code
 * set} applied by the {@link Overrides} machinery as if each entry were {@code --set path=value},
 * then bound as a whole scenario.
 *
 * <p>Errors are reported where they were written. One located in a variant's {@code set} (a path or
 * a value) has the variant's path before its field path: {@code variants[1].set.power.ups.design}.
 * One located elsewhere (a value of the scenario that the variant's overrides made wrong, e.g. a
 * job larger than the cluster a variant shrank) keeps its location and path and says which variant:
 * {@code in variant '2N': ...}.
 */
final class VariantBinder {
  static final List<String> KEYS = Language.VARIANT.keys();

  /** Top-level keys a variant cannot set. */
  private static final Map<String, String> FORBIDDEN =
      Map.of(
          "name",
          "a variant keeps the scenario's name; the variant's own name is its 'name'",
          "variants",
          "a variant cannot have variants of its own");

  private final Diagnostics diagnostics;
  private final Path folder;

  VariantBinder(Diagnostics diagnostics, Path folder) {
    this.diagnostics = diagnostics;
    this.folder = folder;
  }

  /**
   * One variant read from the file, its overrides applied to its own copy of the tree.
   *
   * @param path e.g. {@code variants[1]}
   * @param name its name; empty if wrong (reported)
   * @param tree the scenario's tree with the overrides
   * @param written where every path segment, key and value of its {@code set} is written
   */
  record Draft(
      String path,
      Optional<String> name,
      String description,
      YamlMap tree,
      Set<Location> written) {}

  /**
   * Reads the variants and applies each one's overrides to a copy of {@code root}, reporting what
   * is wrong with them; they are bound by {@link #bind} once the scenario itself is valid.
   */
  List<Draft> read(Field field, YamlMap root) {
    List<Draft> drafts = new ArrayList<>();
    Optional<YamlList> list =
        field.list("a list of variants, e.g. [{ name: 2N, set: { power.ups.design: 2N } }]");
    if (list.isEmpty()) {
      return drafts;
    }
    YamlMap base = root.copy();
    base.remove("variants");
    Map<String, String> pathByName = new HashMap<>();
    for (int i = 0; i < list.get().size(); i++) {
      String path = FieldPath.index(field.path(), i);
      Optional<MapReader> reader =
          MapReader.of(
              list.get().get(i),
              path,
              "a variant: a map with keys " + String.join(", ", KEYS),
              diagnostics);
      if (reader.isEmpty()) {
        continue;
      }
      MapReader variant = reader.get().allowOnly(Language.VARIANT);
      Field nameField = variant.field("name").required(ScenarioVariant.NAME_EXPECTED);
      Optional<String> name = nameField.value(ScenarioVariant.NAME_EXPECTED, VariantBinder::name);
      if (name.isPresent()) {
        String first = pathByName.putIfAbsent(name.get(), path);
        if (first != null) {
          diagnostics.error(
              nameField.location(),
              nameField.path(),
              "duplicate variant name '" + name.get() + "' (" + first + " has the same name)");
          name = Optional.empty();
        }
      }
      String description = variant.field("description").string("a text").orElse("").strip();
      YamlMap tree = base.copy();
      Set<Location> written = new HashSet<>();
      apply(variant.field("set"), tree, written);
      drafts.add(new Draft(path, name, description, tree, written));
    }
    return drafts;
  }

  private static String name(String text) throws ValueException {
    String problem = ScenarioVariant.problem(text);
    if (problem != null) {
      throw new ValueException(problem);
    }
    return text;
  }

  /** Applies the entries of {@code set} to {@code tree} in the order written. */
  private void apply(Field set, YamlMap tree, Set<Location> written) {
    Optional<MapReader> reader =
        set.map("a map of field paths to values, e.g. { power.ups.design: 2N }");
    if (reader.isEmpty()) {
      return;
    }
    Overrides overrides = new Overrides(diagnostics);
    for (YamlEntry entry : reader.get().map().entries()) {
      Location at = entry.keyTextLocation();
      written.add(entry.keyLocation());
      collect(entry.value(), written);
      List<PathSegment> segments;
      try {
        segments = PathSegment.parse(entry.key(), at.column());
      } catch (PathSegment.SyntaxException e) {
        segments = List.of(); // reported by the overrides
      }
      for (PathSegment segment : segments) {
        written.add(new Location(at.file(), at.line(), segment.column()));
      }
      if (!segments.isEmpty() && segments.get(0) instanceof PathSegment.Key first) {
        String forbidden = FORBIDDEN.get(first.name());
        if (forbidden != null) {
          diagnostics.error(entry.keyLocation(), FieldPath.key(set.path(), entry.key()), forbidden);
          continue;
        }
      }
      overrides.set(tree, entry.key(), at, entry.value().copy(), set.path());
    }
  }

  /** Adds where {@code node} and everything in it is written. */
  private static void collect(YamlNode node, Set<Location> into) {
    into.add(node.location());
    if (node instanceof YamlMap map) {
      for (YamlEntry entry : map.entries()) {
        into.add(entry.keyLocation());
        into.add(entry.keyTextLocation());
        collect(entry.value(), into);
      }
    } else if (node instanceof YamlList list) {
      for (YamlNode item : list.items()) {
        collect(item, into);
      }
    }
  }

  /**
   * Binds each variant as a scenario, reporting its errors as described above. Call only when the
   * scenario itself is valid (else every variant would repeat its errors).
   *
   * @return the variants; incomplete after errors
   */
  List<ScenarioVariant> bind(List<Draft> drafts, String source) {
    List<ScenarioVariant> variants = new ArrayList<>();
    for (Draft draft : drafts) {
      Diagnostics own = new Diagnostics();
      Optional<Scenario> scenario = new ScenarioBinder(own, folder).bind(draft.tree(), source);
      own.dataFiles().forEach(diagnostics::dataFile);
      for (ScenarioError e : own.errors()) {
        diagnostics.add(relocated(e, draft));
      }
      if (scenario.isPresent() && draft.name().isPresent()) {
        Optional<ScenarioVariant> variant =
            diagnostics.construct(
                draft.tree().location(),
                draft.path(),
                () -> new ScenarioVariant(draft.name().get(), draft.description(), scenario.get()));
        variant.ifPresent(variants::add);
      }
    }
    return variants;
  }

  /** An error of a variant's scenario, as the variant's. */
  private static ScenarioError relocated(ScenarioError e, Draft draft) {
    Location at = new Location(e.file(), e.line(), e.column());
    if (draft.written().contains(at)) {
      String set = FieldPath.key(draft.path(), "set");
      String path = e.path().isEmpty() ? set : FieldPath.key(set, e.path());
      return new ScenarioError(e.file(), e.line(), e.column(), path, e.message());
    }
    String which = draft.name().map(n -> "'" + n + "'").orElse(draft.path());
    return new ScenarioError(
        e.file(), e.line(), e.column(), e.path(), "in variant " + which + ": " + e.message());
  }
}
