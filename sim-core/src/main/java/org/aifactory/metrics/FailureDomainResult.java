package org.aifactory.metrics;

/**
 * What failure domains inside systems did in a run: how the failures of field-replaceable units
 * (compute trays) ended, and how the GPU-hours down split between failed units and whole systems.
 *
 * @param unitFailures field-replaceable units that failed
 * @param unusedUnitFailures of them, those that carried no running job's GPUs (in-system spares,
 *     idle systems): no interruption
 * @param takeOvers of them, those whose GPUs a spare unit of the same system replaced: the job was
 *     interrupted but kept its systems (no spare system, no waiting)
 * @param systemsShort of them, those that left their job's system without its share of healthy
 *     GPUs: the system was given up like a failed one (a spare system, else waiting)
 * @param unitDownGpuHours GPU-hours of GPUs down in failed units of systems otherwise up
 * @param systemDownGpuHours GPU-hours of GPUs down with their whole system; with {@code
 *     unitDownGpuHours}, all of {@link GpuHours#down()}
 */
public record FailureDomainResult(
    long unitFailures,
    long unusedUnitFailures,
    long takeOvers,
    long systemsShort,
    double unitDownGpuHours,
    double systemDownGpuHours) {}
