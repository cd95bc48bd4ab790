package io.welcomer.bench;

import io.welcomer.routing.AgentProfile;
import io.welcomer.routing.Channel;
import io.welcomer.routing.Command;
import io.welcomer.routing.ContactRequest;
import io.welcomer.routing.Line;
import io.welcomer.routing.OpeningHours;
import io.welcomer.routing.Router;
import io.welcomer.routing.RoutingRules;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded contact centre for the benchmarks: agents with 2-4 of 12 skills at 1-5, contacts on
 * voice and chat needing 1-2 skills at 1-3, priorities in four levels. Deadlines are set far out
 * so that a pick is measured, not timeouts or relaxing. With configured lines, half of them are
 * open now (weekdays 08:00-20:00 in London, the clock at 09:00 on a Monday) and half closed
 * (open 20:00-24:00); contacts name one of them.
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

    private static final OpeningHours DAYTIME = new OpeningHours(ZoneId.of("Europe/London"),
            List.of(new OpeningHours.Weekly(Set.of(DayOfWeek.values()), LocalTime.of(8, 0), LocalTime.of(20, 0))),
            List.of());
    private static final OpeningHours EVENING = new OpeningHours(ZoneId.of("Europe/London"),
            List.of(new OpeningHours.Weekly(Set.of(DayOfWeek.values()), LocalTime.of(20, 0), LocalTime.MIDNIGHT)),
            List.of());

    final Clock clock = new Clock();
    private final List<String> openLines = new ArrayList<>();
    private final List<String> allLines = new ArrayList<>();
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

    /** Configures this many lines asking nothing of their own, every other one closed now. */
    void lines(int count) {
        for (int i = 0; i < count; i++) {
            String id = "line-" + i;
            router.handle(new Command.ConfigureLine(new Line(id, id, Set.of(Channel.VOICE, Channel.CHAT), Map.of(), null,
                    false, i % 2 == 0 ? DAYTIME : EVENING, null, List.of())));
            allLines.add(id);
            if (i % 2 == 0) {
                openLines.add(id);
            }
        }
    }

    /** A new contact with drawn requirements, in any line (an implicit one without lines); answers its id. */
    String arrive() {
        return arrive(SKILLS.length, allLines);
    }

    /**
     * A new contact needing 1-2 of the first {@code skillCount} skills, in an open line (an
     * implicit one without lines): one that can be picked. Answers its id.
     */
    String arrive(int skillCount) {
        return arrive(skillCount, openLines);
    }

    private String arrive(int skillCount, List<String> lines) {
        Map<String, Integer> needs = new HashMap<>();
        int count = Math.min(skillCount, 1 + random.nextInt(2));
        while (needs.size() < count) {
            needs.put(SKILLS[random.nextInt(skillCount)], 1 + random.nextInt(3));
        }
        String id = "c-" + contacts++;
        Channel channel = random.nextInt(4) == 0 ? Channel.CHAT : Channel.VOICE;
        clock.tick();
        String line = lines.isEmpty() ? null : lines.get(random.nextInt(lines.size()));
        router.handle(new Command.ArriveContact(new ContactRequest(id, channel, "customer-" + id, needs,
                PRIORITIES[random.nextInt(PRIORITIES.length)], null, false, line)));
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
