package org.aifactory.scenario;

/**
 * A scenario shipped inside the jar.
 *
 * @param name its name, as given to {@link ScenarioLoader#load(String)}
 * @param description the {@code description} written in the file, empty if none
 */
public record BundledScenario(String name, String description) {}
