package io.welcomer.simulation;

import java.util.Arrays;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * Queueing formulas for a contact centre: Erlang B, Erlang C, Erlang A and two staffing helpers.
 *
 * <p>Contacts arrive as a Poisson process with rate λ ({@code arrivalsPerSecond}) and are handled by {@code agents}
 * identical agents whose touch times are exponential with mean 1/μ ({@code meanTouchSeconds}). The offered load
 * a = λ/μ is measured in Erlangs. Erlang B (M/M/c/c) rejects a contact that finds every agent busy, Erlang C (M/M/c)
 * queues it with unlimited patience, and Erlang A (M/M/c+M, Palm's model) queues it with exponential patience of
 * mean 1/θ ({@code patienceSeconds}), after which it abandons.
 *
 * <p>No method forms a factorial or a power of the load: Erlang B and C use the blocking recurrence, Erlang A works
 * with logarithms of the stationary probabilities and computes waiting-time probabilities by uniformization. The
 * results stay finite and accurate for thousands of agents and thousands of Erlangs.
 */
public final class Erlang {

    /** Relative size below which probability mass is treated as zero. */
    private static final double EPSILON = 1e-15;

    /** Largest number of Erlang A states kept; only an overloaded queue with very long patience needs more. */
    private static final int MAX_STATES = 1 << 22;

    private Erlang() {
    }

    /**
     * Steady-state measures of an Erlang A queue, as experienced by an arriving contact.
     *
     * @param waitProbability probability that an arriving contact finds every agent busy and has to queue
     * @param abandonRate fraction of arriving contacts that abandon before reaching an agent
     * @param meanWaitSeconds mean time an arriving contact spends queueing, counting a contact that abandons until
     *     it abandons and a contact that is served at once as zero
     */
    public record ErlangA(double waitProbability, double abandonRate, double meanWaitSeconds) {
    }

    /**
     * Returns the Erlang B blocking probability: the probability that a contact finds every agent busy when contacts
     * that find every agent busy are lost. Uses the recurrence B(0) = 1, B(n) = a·B(n−1) / (n + a·B(n−1)).
     *
     * @param agents number of agents, at least 0
     * @param load offered load a in Erlangs, at least 0
     * @return the blocking probability, in [0, 1]
     */
    public static double erlangB(int agents, double load) {
        require(agents >= 0, "agents must be at least 0");
        requireNonNegative(load, "load");
        double blocking = 1.0;
        for (int n = 1; n <= agents; n++) {
            blocking = load * blocking / (n + load * blocking);
        }
        return blocking;
    }

    /**
     * Returns the Erlang C probability that an arriving contact has to wait, computed from Erlang B as
     * C = c·B / (c − a·(1 − B)). When the load is at least the number of agents the queue is unstable: it grows
     * without bound, every contact eventually waits, and the result is 1.
     *
     * @param agents number of agents c, at least 1
     * @param load offered load a in Erlangs, at least 0
     * @return the probability of waiting, in [0, 1]
     */
    public static double erlangCWaitProbability(int agents, double load) {
        requireAgents(agents);
        requireNonNegative(load, "load");
        if (load >= agents) {
            return 1.0;
        }
        double blocking = erlangB(agents, load);
        return agents * blocking / (agents - load * (1 - blocking));
    }

    /**
     * Returns the Erlang C mean queueing time over all arriving contacts, C / (c·μ − λ), including the contacts that
     * are served at once.
     *
     * @param agents number of agents c, at least 1
     * @param arrivalsPerSecond arrival rate λ, at least 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @return the mean wait in seconds, or positive infinity when the queue is unstable (λ/μ ≥ c)
     */
    public static double erlangCMeanWait(int agents, double arrivalsPerSecond, double meanTouchSeconds) {
        double load = load(arrivalsPerSecond, meanTouchSeconds);
        if (load >= agents) {
            return Double.POSITIVE_INFINITY;
        }
        return erlangCWaitProbability(agents, load) * meanTouchSeconds / (agents - load);
    }

    /**
     * Returns the Erlang C service level: the fraction of arriving contacts that reach an agent within the given
     * time, 1 − C·exp(−(c·μ − λ)·t).
     *
     * @param agents number of agents c, at least 1
     * @param arrivalsPerSecond arrival rate λ, at least 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @param seconds service-level threshold t, at least 0
     * @return the service level in [0, 1], or 0 when the queue is unstable (λ/μ ≥ c)
     */
    public static double erlangCServiceLevel(int agents, double arrivalsPerSecond, double meanTouchSeconds,
            double seconds) {
        requireNonNegative(seconds, "seconds");
        double load = load(arrivalsPerSecond, meanTouchSeconds);
        if (load >= agents) {
            return 0.0;
        }
        double spareRate = (agents - load) / meanTouchSeconds;
        return 1 - erlangCWaitProbability(agents, load) * Math.exp(-spareRate * seconds);
    }

    /**
     * Returns the steady-state measures of an Erlang A queue. The number of contacts in the system is a birth-death
     * chain with birth rate λ and death rate min(n, c)·μ + max(n − c, 0)·θ; its stationary distribution is computed
     * in logarithms and truncated where the remaining tail is below 1e-15 of the largest state probability. By PASTA
     * an arriving contact sees this distribution, so the wait probability is P(N ≥ c), the abandon rate is
     * θ·E[queue length] / λ and, by Little's law, the mean wait is E[queue length] / λ. The system is stable for any
     * load because waiting contacts abandon.
     *
     * @param agents number of agents c, at least 1
     * @param arrivalsPerSecond arrival rate λ, greater than 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @param patienceSeconds mean patience 1/θ, greater than 0
     * @return the wait probability, abandon rate and mean wait
     * @throws IllegalArgumentException if an argument is out of range, or if the queue is so overloaded and patience
     *     so long that the truncated chain would need more than 2^22 states
     */
    public static ErlangA erlangA(int agents, double arrivalsPerSecond, double meanTouchSeconds,
            double patienceSeconds) {
        PalmChain chain = PalmChain.of(agents, arrivalsPerSecond, meanTouchSeconds, patienceSeconds);
        Arrival arrival = chain.arrival();
        double[] queued = arrival.queued();
        double meanQueueLength = IntStream.range(0, queued.length).mapToDouble(ahead -> ahead * queued[ahead]).sum();
        double meanWait = meanQueueLength / arrivalsPerSecond;
        return new ErlangA(arrival.waitProbability(), chain.abandonmentRate() * meanWait, meanWait);
    }

    /**
     * Returns the Erlang A service level: the fraction of arriving contacts that reach an agent within the given
     * time. A contact served at once counts; a contact that abandons does not.
     *
     * <p>A contact that finds k contacts queued ahead of it passes k + 1 stages; in the stage with j contacts ahead
     * it moves on at rate r_j = c·μ + j·θ and abandons at rate θ. The probability of reaching an agent by time t is
     * the probability that this absorbing pure-death chain, started from the distribution seen on arrival, has been
     * absorbed in "served" by t. It is computed by uniformization at the largest total stage rate: a Poisson-weighted
     * sum of powers of a substochastic matrix with non-negative entries, so nothing cancels, and the Poisson sum is
     * cut off once its remaining mass is below 1e-15. The work grows with the rate times {@code seconds}.
     *
     * @param agents number of agents c, at least 1
     * @param arrivalsPerSecond arrival rate λ, greater than 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @param patienceSeconds mean patience 1/θ, greater than 0
     * @param seconds service-level threshold t, at least 0
     * @return the service level in [0, 1]
     * @throws IllegalArgumentException under the same conditions as {@link #erlangA}
     */
    public static double erlangAServiceLevel(int agents, double arrivalsPerSecond, double meanTouchSeconds,
            double patienceSeconds, double seconds) {
        requireNonNegative(seconds, "seconds");
        PalmChain chain = PalmChain.of(agents, arrivalsPerSecond, meanTouchSeconds, patienceSeconds);
        Arrival arrival = chain.arrival();
        return Math.min(1, arrival.servedAtOnce() + chain.queuedAndServedWithin(arrival.queued(), seconds));
    }

    /**
     * Returns the smallest number of agents for which the queue is stable and the Erlang C service level reaches the
     * target. Counts up from the smallest stable candidate, ⌈λ/μ⌉.
     *
     * @param arrivalsPerSecond arrival rate λ, at least 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @param seconds service-level threshold t, at least 0
     * @param target required fraction of contacts reaching an agent within t, greater than 0 and less than 1
     * @return the number of agents, at least 1
     */
    public static int agentsForServiceLevel(double arrivalsPerSecond, double meanTouchSeconds, double seconds,
            double target) {
        require(target > 0 && target < 1, "target must be greater than 0 and less than 1");
        int agents = Math.max(1, (int) Math.ceil(load(arrivalsPerSecond, meanTouchSeconds)));
        while (erlangCServiceLevel(agents, arrivalsPerSecond, meanTouchSeconds, seconds) < target) {
            agents++;
        }
        return agents;
    }

    /**
     * Returns the smallest number of agents for which the Erlang A abandon rate is at most the given maximum. Agents
     * serve at most c·μ contacts per second, so at least 1 − c/a of the contacts abandon; counting therefore starts
     * at ⌊a·(1 − maxAbandonRate)⌋ (at least 1), below which no candidate can meet the maximum.
     *
     * @param arrivalsPerSecond arrival rate λ, greater than 0
     * @param meanTouchSeconds mean touch time 1/μ, greater than 0
     * @param patienceSeconds mean patience 1/θ, greater than 0
     * @param maxAbandonRate largest acceptable fraction of abandoning contacts, greater than 0 and at most 1
     * @return the number of agents, at least 1
     * @throws IllegalArgumentException under the same conditions as {@link #erlangA}
     */
    public static int agentsForAbandonRate(double arrivalsPerSecond, double meanTouchSeconds, double patienceSeconds,
            double maxAbandonRate) {
        require(maxAbandonRate > 0 && maxAbandonRate <= 1, "maxAbandonRate must be greater than 0 and at most 1");
        double load = load(arrivalsPerSecond, meanTouchSeconds);
        int agents = Math.max(1, (int) (load * (1 - maxAbandonRate)));
        while (erlangA(agents, arrivalsPerSecond, meanTouchSeconds, patienceSeconds).abandonRate() > maxAbandonRate) {
            agents++;
        }
        return agents;
    }

    private static double load(double arrivalsPerSecond, double meanTouchSeconds) {
        requireNonNegative(arrivalsPerSecond, "arrivalsPerSecond");
        requirePositive(meanTouchSeconds, "meanTouchSeconds");
        return arrivalsPerSecond * meanTouchSeconds;
    }

    private static void requireAgents(int agents) {
        require(agents >= 1, "agents must be at least 1");
    }

    private static void requireNonNegative(double value, String name) {
        require(value >= 0 && value < Double.POSITIVE_INFINITY, name + " must be finite and at least 0");
    }

    private static void requirePositive(double value, String name) {
        require(value > 0 && value < Double.POSITIVE_INFINITY, name + " must be finite and greater than 0");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The state of an Erlang A queue seen by an arriving contact. Both probabilities are computed as a share of the
     * same total, so neither exceeds 1.
     *
     * @param servedAtOnce probability of finding an agent free
     * @param waitProbability probability of finding every agent busy
     * @param queued queued[k] is the probability of finding every agent busy and k contacts queued
     */
    private record Arrival(double servedAtOnce, double waitProbability, double[] queued) {
    }

    /**
     * Palm's birth-death chain for Erlang A, whose state is the number of contacts in the system.
     *
     * @param agents number of agents c
     * @param arrivalRate λ, contacts arriving per second
     * @param serviceRate μ, contacts each busy agent finishes per second
     * @param abandonmentRate θ, the rate at which each queued contact abandons, per second
     */
    private record PalmChain(int agents, double arrivalRate, double serviceRate, double abandonmentRate) {

        static PalmChain of(int agents, double arrivalsPerSecond, double meanTouchSeconds, double patienceSeconds) {
            requireAgents(agents);
            requirePositive(arrivalsPerSecond, "arrivalsPerSecond");
            requirePositive(meanTouchSeconds, "meanTouchSeconds");
            requirePositive(patienceSeconds, "patienceSeconds");
            return new PalmChain(agents, arrivalsPerSecond, 1 / meanTouchSeconds, 1 / patienceSeconds);
        }

        /** Returns the stationary distribution as seen by an arriving contact. */
        Arrival arrival() {
            double[] logWeights = logWeights();
            double maxLogWeight = Arrays.stream(logWeights).max().orElseThrow();
            double[] weights = Arrays.stream(logWeights).map(logWeight -> Math.exp(logWeight - maxLogWeight)).toArray();
            double servedAtOnce = Arrays.stream(weights).limit(agents).sum();
            double[] queued = Arrays.stream(weights).skip(agents).toArray();
            double waitProbability = Arrays.stream(queued).sum();
            double total = servedAtOnce + waitProbability;
            return new Arrival(servedAtOnce / total, waitProbability / total,
                    Arrays.stream(queued).map(weight -> weight / total).toArray());
        }

        /**
         * Returns log(p_n / p_0) for n = 0, 1, … up to the first n whose geometric bound on the remaining tail,
         * p_n·q / (1 − q) with q = p_(n+1) / p_n, is below EPSILON times the largest p_n so far. The ratios
         * p_(n+1) / p_n never increase with n, so the bound holds and the largest p_n has already been seen.
         */
        private double[] logWeights() {
            DoubleStream.Builder logWeights = DoubleStream.builder();
            double logWeight = 0;
            double maxLogWeight = 0;
            for (int n = 0; ; n++) {
                logWeights.add(logWeight);
                maxLogWeight = Math.max(maxLogWeight, logWeight);
                double ratio = arrivalRate / deathRate(n + 1);
                if (ratio < 1 && logWeight + Math.log(ratio / (1 - ratio)) < maxLogWeight + Math.log(EPSILON)) {
                    return logWeights.build().toArray();
                }
                require(n < MAX_STATES, "queue too overloaded for its patience: more than 2^22 states needed");
                logWeight += Math.log(ratio);
            }
        }

        private double deathRate(int contacts) {
            return Math.min(contacts, agents) * serviceRate + Math.max(contacts - agents, 0) * abandonmentRate;
        }

        /**
         * Returns the probability that an arriving contact queues and reaches an agent within the given time.
         *
         * @param queued {@link Arrival#queued()}
         */
        double queuedAndServedWithin(double[] queued, double seconds) {
            if (queued.length == 0) {
                return 0.0;
            }
            double[] waiting = queued.clone();
            double uniformRate = stageRate(waiting.length - 1) + abandonmentRate;
            double mean = uniformRate * seconds;
            double logPoisson = -mean;
            double served = 0;
            double result = 0;
            for (int step = 0; ; step++) {
                double poisson = Math.exp(logPoisson);
                result += poisson * served;
                double ratio = mean / (step + 1);
                if (ratio < 1 && poisson * ratio / (1 - ratio) < EPSILON) {
                    return result;
                }
                served += advance(waiting, uniformRate);
                logPoisson += Math.log(ratio);
            }
        }

        /**
         * Applies one step of the uniformized chain to waiting, where waiting[j] is the probability of still waiting
         * with j contacts ahead, and returns the probability that reaches an agent in this step.
         */
        private double advance(double[] waiting, double uniformRate) {
            double served = waiting[0] * stageRate(0) / uniformRate;
            for (int ahead = 0; ahead < waiting.length; ahead++) {
                double stay = waiting[ahead] * (1 - (stageRate(ahead) + abandonmentRate) / uniformRate);
                double moveUp = ahead + 1 < waiting.length ? waiting[ahead + 1] * stageRate(ahead + 1) : 0;
                waiting[ahead] = stay + moveUp / uniformRate;
            }
            return served;
        }

        private double stageRate(int ahead) {
            return agents * serviceRate + ahead * abandonmentRate;
        }
    }
}
