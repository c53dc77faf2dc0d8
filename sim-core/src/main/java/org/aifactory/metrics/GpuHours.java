package org.aifactory.metrics;

/**
 * GPU-hours by state. {@code installed} = GPUs × horizon; the states add up to it.
 *
 * @param installed all GPUs over the whole horizon
 * @param compute in a compute phase of a training iteration
 * @param communication in a communication phase of a training iteration
 * @param checkpoint blocked in a synchronous checkpoint
 * @param idle not used by any running job (not allocated, or job not started / finished)
 */
public record GpuHours(
    double installed, double compute, double communication, double checkpoint, double idle) {}
