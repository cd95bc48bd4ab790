package io.welcomer.routing;

import static io.welcomer.routing.Channel.CHAT;
import static io.welcomer.routing.Channel.VOICE;
import static io.welcomer.routing.Desk.request;
import static io.welcomer.routing.Desk.skills;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

import io.welcomer.routing.Decision.Offered;
import org.junit.jupiter.api.Test;

/**
 * A freed agent's pick is the same whether the waiting line finds candidate groups by the
 * subsets of the agent's skills (few skills) or by looking at every group (many skills).
 */
class ManySkillsTest {

    private final Desk desk = new Desk();

    @Test
    void anAgentWithManySkillsGetsTheFirstContactInLineItCanServe() {
        desk.arrive(request("needs-klingon", VOICE, 90, skills("klingon", 1)));
        desk.arrive(request("too-hard", VOICE, 80, skills("billing", 5)));
        desk.arrive(request("mixed", CHAT, 70, skills("billing", 2, "spanish", 3)));
        desk.arrive(request("easy", VOICE, 70, skills("french", 1)));

        assertThat(Desk.only(Offered.class, desk.online("polyglot", skills("billing", 3, "spanish", 4, "french", 2,
                        "german", 1, "mobile", 1, "tv", 1, "moving", 1, "loyalty", 1)))
                        .stream().map(Offered::contactId).toList(),
                contains("mixed"));
    }

    @Test
    void anAgentWithFewSkillsGetsTheSameContact() {
        desk.arrive(request("needs-klingon", VOICE, 90, skills("klingon", 1)));
        desk.arrive(request("too-hard", VOICE, 80, skills("billing", 5)));
        desk.arrive(request("mixed", CHAT, 70, skills("billing", 2, "spanish", 3)));
        desk.arrive(request("easy", VOICE, 70, skills("french", 1)));

        assertThat(Desk.only(Offered.class, desk.online("trio", skills("billing", 3, "spanish", 4, "french", 2)))
                        .stream().map(Offered::contactId).toList(),
                contains("mixed"));
    }
}
