package io.welcomer.simulation;

import java.util.LinkedHashMap;
import java.util.Map;

/** The measured part of a run, added up as it goes. */
final class Tally {

    private long connected;
    private long waited;
    private long gaveUp;
    private final int[] thresholds;
    private final long[] withinThreshold;
    private double waitSum;
    private double estimateErrorSum;
    private long estimated;
    private double queueArea;
    private double busyArea;

    Tally(int[] thresholds) {
        this.thresholds = thresholds;
        this.withinThreshold = new long[thresholds.length];
    }

    /** A contact reached an agent; {@code estimateError} null when it was told no estimate. */
    void connected(double waitSeconds, Double estimateError) {
        connected++;
        waitSum += waitSeconds;
        if (estimateError != null) {
            estimateErrorSum += estimateError;
            estimated++;
        }
        if (waitSeconds > 0) {
            waited++;
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (waitSeconds <= thresholds[i]) {
                withinThreshold[i]++;
            }
        }
    }

    void gaveUp(double waitSeconds) {
        gaveUp++;
        waited++;
        waitSum += waitSeconds;
    }

    void during(double seconds, int waiting, int busyAgents) {
        queueArea += seconds * waiting;
        busyArea += seconds * busyAgents;
    }

    SimulationResult result(long contacts, int agents, double measuredSeconds, ClosedForm erlang) {
        Map<String, Double> serviceLevel = new LinkedHashMap<>();
        for (int i = 0; i < thresholds.length; i++) {
            serviceLevel.put(Integer.toString(thresholds[i]), share(withinThreshold[i], contacts));
        }
        return new SimulationResult(contacts, contacts == 0 ? 0 : waitSum / contacts, share(waited, contacts),
                serviceLevel, share(gaveUp, contacts), agents == 0 ? 0 : busyArea / (agents * measuredSeconds),
                queueArea / measuredSeconds, estimated == 0 ? 0 : estimateErrorSum / estimated, erlang);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
