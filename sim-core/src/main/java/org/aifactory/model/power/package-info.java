/**
 * The electrical chain from the utility to the racks: its specifications, its failures and repairs
 * on the event engine, and its conversion losses.
 *
 * <p>Specifications (immutable, self-validating records): {@link
 * org.aifactory.model.power.UtilitySpec}, {@link org.aifactory.model.power.GeneratorPlantSpec},
 * {@link org.aifactory.model.power.UpsSpec}, {@link org.aifactory.model.power.DistributionSpec},
 * {@link org.aifactory.model.power.CommonCauseSpec}, {@link
 * org.aifactory.model.power.RepairCrewSpec}, combined in {@link
 * org.aifactory.model.power.PowerChainSpec}; redundancy designs by name ({@code N}, {@code N+1},
 * {@code 2N}, {@code 2(N+1)}, {@code 4N/3}) in {@link org.aifactory.model.power.RedundancyDesign},
 * expanding into a {@link org.aifactory.model.power.StageStructure}.
 *
 * <p>Runtime: {@link org.aifactory.model.power.PowerChain} runs the chain on a {@link
 * org.aifactory.engine.Simulation} and tells {@link org.aifactory.model.power.PowerPathListener}s
 * when a rack group (a path) loses and regains power; {@link
 * org.aifactory.model.power.PowerChainResult} holds what it measured. {@link
 * org.aifactory.model.power.ConversionLosses} gives the losses by stage for the energy accounting.
 *
 * <p>Figures used as defaults come from {@code docs/sources.md} §6; figures with no source there
 * are marked "placeholder" next to their definition.
 */
package org.aifactory.model.power;
