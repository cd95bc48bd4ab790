package io.welcomer.routing;

import java.util.Map;

/** Where a transfer sends a contact: warm to a named agent, or cold to the line for some skills. */
public sealed interface TransferTarget {

    TransferMode mode();

    /** Warm: the owner keeps the contact until this agent accepts it. */
    record ToAgent(String agentId) implements TransferTarget {
        @Override
        public TransferMode mode() {
            return TransferMode.WARM;
        }
    }

    /** Cold: the contact leaves its owner now and waits for an agent with these skills (and language). */
    record ToLine(Map<String, Integer> skills, String language) implements TransferTarget {
        public ToLine {
            skills = Map.copyOf(skills);
        }

        @Override
        public TransferMode mode() {
            return TransferMode.COLD;
        }
    }
}
