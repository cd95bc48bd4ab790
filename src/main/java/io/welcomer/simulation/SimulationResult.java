package io.welcomer.simulation;

import java.util.Map;

/**
 * What a simulated centre did in its measured hours. Rates are shares of the contacts that arrived
 * in them.
 *
 * @param contacts             contacts that arrived in the measured hours
 * @param asaSeconds           mean wait: until an agent for those who reached one, until they gave
 *                             up for those who did not (the mean wait to connect when nobody does)
 * @param waitProbability      share that found nobody free and waited
 * @param serviceLevel         per threshold in seconds ("20", "60"), the share connected within it
 * @param abandonRate          share that gave up waiting
 * @param occupancy            mean share of agents holding at least one contact
 * @param meanQueueLength      mean number of contacts waiting
 * @param estimateErrorSeconds mean absolute error of the wait the router estimated at arrival (0
 *                             for a contact offered at once) against the wait to connect, over the
 *                             contacts that connected
 * @param erlang               the closed-form figures, where the scenario allows them; else null
 */
public record SimulationResult(long contacts, double asaSeconds, double waitProbability,
                               Map<String, Double> serviceLevel, double abandonRate, double occupancy,
                               double meanQueueLength, double estimateErrorSeconds, ClosedForm erlang) {}
