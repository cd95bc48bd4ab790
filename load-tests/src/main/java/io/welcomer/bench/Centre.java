package io.welcomer.bench;

import io.welcomer.routing.AgentProfile;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactRequest;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A seeded contact centre for the benchmarks: agents with 2-4 of 12 skills at 1-5, contacts on
 * voice and chat needing 1-2 skills at 1-3, priorities in four levels. Deadlines are set far out
 * so that a pick is measured, not timeouts or relaxing.
 */
final class Centre {

    static final String[] SKILLS = {"billing", "refunds", "spanish", "french", "german", "mobile", "broadband",
        "tv", "business", "loyalty", "technical", "moving"};
    private static final int[] PRIORITIES = {0, 10, 50, 90};

    /** A clock the benchmark moves; time does not matter to a pick, only its order. */
    static final class Clock implements InstantSource {
        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void tick() {
            now = now.plusMillis(1);
        }
    }

    final Clock clock = new Clock();
    final Router router = new Router(new RoutingRules(Duration.ofDays(1), 2, Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(365), 0), clock);
    private final Random random = new Random(42);
    private long contacts;

    void agents(int count, boolean available) {
        for (int i = 0; i < count; i++) {
            Map<String, Integer> skills = new HashMap<>();
            int known = 2 + random.nextInt(3);
            while (skills.size() < known) {
                skills.put(SKILLS[random.nextInt(SKILLS.length)], 1 + random.nextInt(5));
            }
            String id = "agent-" + i;
            router.handle(new Command.RegisterAgent(new AgentProfile(id, skills, Map.of(Channel.VOICE, 1, Channel.CHAT, 3))));
            router.handle(new Command.ConnectAgent(id));
            if (available) {
                router.handle(new Command.MakeAvailable(id));
            }
        }
    }

    /** A new contact with drawn requirements; answers its id. */
    String arrive() {
        return arrive(SKILLS.length);
    }

    /** A new contact needing 1-2 of the first {@code skillCount} skills; answers its id. */
    String arrive(int skillCount) {
        Map<String, Integer> needs = new HashMap<>();
        int count = Math.min(skillCount, 1 + random.nextInt(2));
        while (needs.size() < count) {
            needs.put(SKILLS[random.nextInt(skillCount)], 1 + random.nextInt(3));
        }
        String id = "c-" + contacts++;
        Channel channel = random.nextInt(4) == 0 ? Channel.CHAT : Channel.VOICE;
        clock.tick();
        router.handle(new Command.ArriveContact(new ContactRequest(id, channel, "customer-" + id, needs,
                PRIORITIES[random.nextInt(PRIORITIES.length)])));
        return id;
    }

    /** An agent with the first {@code skillCount} skills at 5 and one slot per channel. */
    static AgentProfile expert(String id, int skillCount) {
        Map<String, Integer> skills = new HashMap<>();
        for (int i = 0; i < skillCount; i++) {
            skills.put(SKILLS[i], 5);
        }
        return new AgentProfile(id, skills, Map.of(Channel.VOICE, 1, Channel.CHAT, 1));
    }
}
