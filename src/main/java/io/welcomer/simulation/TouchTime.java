package io.welcomer.simulation;

import java.util.random.RandomGenerator;

/** How touch times are drawn around their mean. */
public enum TouchTime {

    /** Memoryless: the Erlang formulas' assumption. */
    EXPONENTIAL {
        @Override
        double draw(RandomGenerator random, double meanSeconds, double cv) {
            return -meanSeconds * Math.log(1 - random.nextDouble());
        }
    },
    /** Right-skewed like real conversations, with the given coefficient of variation. */
    LOGNORMAL {
        @Override
        double draw(RandomGenerator random, double meanSeconds, double cv) {
            double variance = Math.log(1 + cv * cv);
            return Math.exp(Math.log(meanSeconds) - variance / 2 + Math.sqrt(variance) * random.nextGaussian());
        }
    },
    /** Always the mean. */
    FIXED {
        @Override
        double draw(RandomGenerator random, double meanSeconds, double cv) {
            return meanSeconds;
        }
    };

    abstract double draw(RandomGenerator random, double meanSeconds, double cv);
}
