/**
 * The cooling plant around the IT load: weather, coolant loops with their heat capacity, the units
 * that reject heat (dry coolers, cooling towers, chillers) and how each cluster's heat reaches
 * them. Specifications here; the run-time plant is {@link
 * org.aifactory.model.cooling.CoolingPlant}.
 */
package org.aifactory.model.cooling;
