package io.welcomer.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.welcomer.simulation.Erlang.ErlangA;
import org.junit.jupiter.api.Test;

/**
 * Checks the Erlang formulas against published figures and against independent computations: a plain truncated
 * birth-death chain, the Poisson distribution, and numerical integration of the waiting contact's absorbing chain.
 */
class ErlangTest {

    /** Reference case: 160 contacts per hour, 180 s mean touch time (8 Erlangs), 10 agents. */
    private static final int AGENTS = 10;
    private static final double ARRIVALS = 160.0 / 3600;
    private static final double TOUCH = 180;
    private static final double LOAD = ARRIVALS * TOUCH;
    private static final double HUGE_PATIENCE = 1e9;

    @Test
    void erlangBMatchesTextbookValues() {
        assertEquals(0.1217, Erlang.erlangB(10, 8), 5e-5);
        assertEquals(0.5, Erlang.erlangB(1, 1), 1e-15);
        assertEquals(0.2, Erlang.erlangB(2, 1), 1e-15);
        assertEquals(1.0, Erlang.erlangB(0, 5), 0);
    }

    @Test
    void erlangCMatchesThePublishedReferenceCase() {
        assertEquals(8.0, LOAD, 1e-12);
        assertEquals(0.4092, Erlang.erlangCWaitProbability(AGENTS, LOAD), 5e-5);
        assertEquals(36.8, Erlang.erlangCMeanWait(AGENTS, ARRIVALS, TOUCH), 0.05);
        assertEquals(0.672, Erlang.erlangCServiceLevel(AGENTS, ARRIVALS, TOUCH, 20), 5e-4);
    }

    @Test
    void erlangAMatchesThePublishedReferenceCase() {
        ErlangA result = Erlang.erlangA(AGENTS, ARRIVALS, TOUCH, 180);

        assertEquals(0.283, result.waitProbability(), 5e-4);
        assertEquals(0.053, result.abandonRate(), 5e-4);
    }

    @Test
    void erlangAWithPatienceEqualToTouchTimeHasPoissonContactsInTheSystem() {
        // With θ = μ every contact leaves at rate μ, waiting or not, so N is Poisson with mean a.
        double[] poisson = poisson(LOAD, 200);
        double waitProbability = 0;
        double meanQueueLength = 0;
        for (int n = AGENTS; n < poisson.length; n++) {
            waitProbability += poisson[n];
            meanQueueLength += (n - AGENTS) * poisson[n];
        }

        ErlangA result = Erlang.erlangA(AGENTS, ARRIVALS, TOUCH, TOUCH);

        assertEquals(waitProbability, result.waitProbability(), 1e-13);
        assertEquals(meanQueueLength / LOAD, result.abandonRate(), 1e-13);
        assertEquals(meanQueueLength / ARRIVALS, result.meanWaitSeconds(), 1e-10);
    }

    @Test
    void erlangAMatchesABruteForceChain() {
        int agents = 3;
        double arrivals = 1.0 / 50;
        double patience = 60;
        double[] p = bruteForceChain(agents, arrivals, TOUCH, patience, 400);
        double waitProbability = 0;
        double meanQueueLength = 0;
        double busyAgents = 0;
        for (int n = 0; n < p.length; n++) {
            waitProbability += n >= agents ? p[n] : 0;
            meanQueueLength += Math.max(n - agents, 0) * p[n];
            busyAgents += Math.min(n, agents) * p[n];
        }

        ErlangA result = Erlang.erlangA(agents, arrivals, TOUCH, patience);

        assertEquals(waitProbability, result.waitProbability(), 1e-12);
        assertEquals(meanQueueLength / patience / arrivals, result.abandonRate(), 1e-12);
        assertEquals(1 - busyAgents / TOUCH / arrivals, result.abandonRate(), 1e-12);
        assertEquals(meanQueueLength / arrivals, result.meanWaitSeconds(), 1e-9);
    }

    @Test
    void erlangAServiceLevelMatchesIntegratingTheWaitingContactsChain() {
        int agents = 3;
        double arrivals = 1.0 / 50;
        double patience = 60;
        double[] p = bruteForceChain(agents, arrivals, TOUCH, patience, 400);
        for (double seconds : new double[] {5, 30, 120}) {
            double expected = servedWithinByRungeKutta(p, agents, 1 / TOUCH, 1 / patience, seconds);
            assertEquals(expected, Erlang.erlangAServiceLevel(agents, arrivals, TOUCH, patience, seconds), 1e-9);
        }
    }

    @Test
    void erlangAServiceLevelStartsAtTheShareServedAtOnceAndEndsAtTheShareServed() {
        ErlangA result = Erlang.erlangA(AGENTS, ARRIVALS, TOUCH, 180);

        assertEquals(1 - result.waitProbability(), Erlang.erlangAServiceLevel(AGENTS, ARRIVALS, TOUCH, 180, 0), 1e-12);
        assertEquals(1 - result.abandonRate(), Erlang.erlangAServiceLevel(AGENTS, ARRIVALS, TOUCH, 180, 10_000), 1e-9);
        assertTrue(Erlang.erlangAServiceLevel(AGENTS, ARRIVALS, TOUCH, 180, 20)
                > Erlang.erlangAServiceLevel(AGENTS, ARRIVALS, TOUCH, 180, 10));
    }

    @Test
    void erlangAWithHugePatienceApproachesErlangC() {
        ErlangA result = Erlang.erlangA(AGENTS, ARRIVALS, TOUCH, HUGE_PATIENCE);
        double meanWait = Erlang.erlangCMeanWait(AGENTS, ARRIVALS, TOUCH);

        assertEquals(Erlang.erlangCWaitProbability(AGENTS, LOAD), result.waitProbability(), 1e-6);
        // Abandonment shortens the mean wait to first order in θ, here by about 3.8e4 s²·θ, or 1e-6 relative.
        assertEquals(meanWait, result.meanWaitSeconds(), 1e-5 * meanWait);
        assertEquals(0, result.abandonRate(), 1e-6);
        for (double seconds : new double[] {0, 20, 60, 300}) {
            assertEquals(Erlang.erlangCServiceLevel(AGENTS, ARRIVALS, TOUCH, seconds),
                    Erlang.erlangAServiceLevel(AGENTS, ARRIVALS, TOUCH, HUGE_PATIENCE, seconds), 1e-6);
        }
    }

    @Test
    void largeSystemsGiveFiniteProbabilities() {
        double arrivals = 950 / TOUCH;
        assertProbability(Erlang.erlangB(1000, 950));
        assertProbability(Erlang.erlangCWaitProbability(1000, 950));
        assertProbability(Erlang.erlangCServiceLevel(1000, arrivals, TOUCH, 20));
        assertTrue(Double.isFinite(Erlang.erlangCMeanWait(1000, arrivals, TOUCH)));
        assertErlangAIsFinite(1000, arrivals, 180);
        assertErlangAIsFinite(2000, 2000 / TOUCH, 180);
        assertErlangAIsFinite(1, 2000 / TOUCH, 180);
        assertErlangAIsFinite(2000, 1 / TOUCH, 180);
        assertProbability(Erlang.erlangB(2000, 2000));
        assertProbability(Erlang.erlangCWaitProbability(2000, 1999.5));
    }

    @Test
    void anUnstableErlangCQueueAlwaysWaitsForever() {
        for (double load : new double[] {AGENTS, 12}) {
            double arrivals = load / TOUCH;
            assertEquals(1.0, Erlang.erlangCWaitProbability(AGENTS, load), 0);
            assertEquals(Double.POSITIVE_INFINITY, Erlang.erlangCMeanWait(AGENTS, arrivals, TOUCH), 0);
            assertEquals(0.0, Erlang.erlangCServiceLevel(AGENTS, arrivals, TOUCH, 20), 0);
        }
    }

    @Test
    void agentsForServiceLevelIsTheSmallestThatMeetsTheTarget() {
        double arrivals = 360.0 / 3600;

        int agents = Erlang.agentsForServiceLevel(arrivals, TOUCH, 20, 0.8);

        assertEquals(22, agents);
        assertTrue(Erlang.erlangCServiceLevel(agents, arrivals, TOUCH, 20) >= 0.8);
        assertTrue(Erlang.erlangCServiceLevel(agents - 1, arrivals, TOUCH, 20) < 0.8);
    }

    @Test
    void agentsForAbandonRateIsTheSmallestThatMeetsTheMaximum() {
        double arrivals = 360.0 / 3600;

        int agents = Erlang.agentsForAbandonRate(arrivals, TOUCH, 180, 0.05);

        assertEquals(20, agents);
        assertTrue(Erlang.erlangA(agents, arrivals, TOUCH, 180).abandonRate() <= 0.05);
        assertTrue(Erlang.erlangA(agents - 1, arrivals, TOUCH, 180).abandonRate() > 0.05);
        assertEquals(1, Erlang.agentsForAbandonRate(arrivals, TOUCH, 180, 1));
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangB(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangCWaitProbability(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangCWaitProbability(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangCMeanWait(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangA(1, 0, TOUCH, 180));
        assertThrows(IllegalArgumentException.class, () -> Erlang.erlangAServiceLevel(1, 1, TOUCH, 180, -1));
        assertThrows(IllegalArgumentException.class, () -> Erlang.agentsForServiceLevel(1, TOUCH, 20, 1));
    }

    private static void assertErlangAIsFinite(int agents, double arrivals, double patience) {
        ErlangA result = Erlang.erlangA(agents, arrivals, TOUCH, patience);
        assertProbability(result.waitProbability());
        assertProbability(result.abandonRate());
        assertTrue(Double.isFinite(result.meanWaitSeconds()) && result.meanWaitSeconds() >= 0);
        assertProbability(Erlang.erlangAServiceLevel(agents, arrivals, TOUCH, patience, 20));
    }

    private static void assertProbability(double value) {
        assertTrue(value >= 0 && value <= 1, () -> value + " is not a probability");
    }

    /** Poisson probabilities for 0 … size − 1, built by the term ratio mean / n. */
    private static double[] poisson(double mean, int size) {
        double[] p = new double[size];
        p[0] = Math.exp(-mean);
        for (int n = 1; n < size; n++) {
            p[n] = p[n - 1] * mean / n;
        }
        return p;
    }

    /** Stationary distribution of Palm's chain with plain doubles, truncated at a fixed size. */
    private static double[] bruteForceChain(int agents, double arrivals, double touch, double patience, int size) {
        double[] p = new double[size];
        p[0] = 1;
        double total = 1;
        for (int n = 1; n < size; n++) {
            p[n] = p[n - 1] * arrivals / (Math.min(n, agents) / touch + Math.max(n - agents, 0) / patience);
            total += p[n];
        }
        for (int n = 0; n < size; n++) {
            p[n] /= total;
        }
        return p;
    }

    /**
     * Service level by fourth-order Runge-Kutta integration of the waiting contact's chain: waiting[j] is the
     * probability of still waiting with j contacts ahead, which moves on at rate c·μ + j·θ and abandons at rate θ.
     */
    private static double servedWithinByRungeKutta(double[] p, int agents, double mu, double theta, double seconds) {
        double[] state = new double[p.length - agents + 1];
        double servedAtOnce = 0;
        for (int n = 0; n < p.length; n++) {
            if (n < agents) {
                servedAtOnce += p[n];
            } else {
                state[n - agents] = p[n];
            }
        }
        int steps = (int) Math.ceil(seconds / 0.01);
        double h = seconds / steps;
        for (int i = 0; i < steps; i++) {
            double[] k1 = derivative(state, agents * mu, theta);
            double[] k2 = derivative(plus(state, k1, h / 2), agents * mu, theta);
            double[] k3 = derivative(plus(state, k2, h / 2), agents * mu, theta);
            double[] k4 = derivative(plus(state, k3, h), agents * mu, theta);
            for (int j = 0; j < state.length; j++) {
                state[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            }
        }
        return servedAtOnce + state[state.length - 1];
    }

    /** Derivative of the waiting probabilities; the last element accumulates the probability served. */
    private static double[] derivative(double[] state, double serviceRate, double theta) {
        int waiting = state.length - 1;
        double[] d = new double[state.length];
        for (int j = 0; j < waiting; j++) {
            double inflow = j + 1 < waiting ? (serviceRate + (j + 1) * theta) * state[j + 1] : 0;
            d[j] = inflow - (serviceRate + j * theta + theta) * state[j];
        }
        d[waiting] = serviceRate * state[0];
        return d;
    }

    private static double[] plus(double[] state, double[] slope, double h) {
        double[] result = new double[state.length];
        for (int j = 0; j < state.length; j++) {
            result[j] = state[j] + h * slope[j];
        }
        return result;
    }
}
