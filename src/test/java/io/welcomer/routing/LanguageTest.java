package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Offered;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A contact in a language goes to a speaker first; after relax-after to anyone eligible, unless it insists. */
class LanguageTest {

    private static final Duration RELAX_AFTER = RoutingRules.defaults().relaxAfter();

    private final Desk desk = new Desk();

    private void speaker(String agentId, String... languages) {
        desk.handle(new Command.RegisterAgent(new AgentProfile(agentId, Map.of(), Map.of(), Set.of(languages))));
        desk.connect(agentId);
        desk.available(agentId);
    }

    private static ContactRequest inLanguage(String id, String language, boolean required) {
        return new ContactRequest(id, VOICE, "customer-" + id, Map.of(), 50, language, required);
    }

    @Test
    void aSpeakerIsPreferredOverAnAgentWhoWaitedLonger() {
        speaker("english-only", "en");
        desk.advanceSeconds(60);
        speaker("bilingual", "en", "es");

        assertThat(Desk.only(Offered.class, desk.arrive(inLanguage("c1", "es", false))),
                contains(desk.offered("c1", VOICE, "bilingual")));
    }

    @Test
    void theRegionDoesNotMatterOnlyThePrimaryLanguage() {
        speaker("spanish", "ES");

        assertThat(Desk.only(Offered.class, desk.arrive(inLanguage("c1", "es-MX", false))),
                contains(desk.offered("c1", VOICE, "spanish")));
    }

    @Test
    void aLanguageContactWaitsForASpeakerThenRelaxesToAnyoneEligible() {
        speaker("english-only", "en");

        assertThat(desk.arrive(inLanguage("c1", "es", false)), contains(new Decision.Queued("c1", VOICE)));
        assertThat(desk.tickAfter(RELAX_AFTER.minusSeconds(1)), is(empty()));
        assertThat(Desk.only(Offered.class, desk.tickAfter(Duration.ofSeconds(1))),
                contains(desk.offered("c1", VOICE, "english-only")));
    }

    @Test
    void aContactThatRequiresItsLanguageNeverRelaxes() {
        speaker("english-only", "en");
        desk.arrive(inLanguage("c1", "es", true));

        assertThat(Desk.only(Offered.class, desk.tickAfter(RELAX_AFTER.multipliedBy(20))), is(empty()));
        speaker("spanish", "es");
        assertThat(desk.view("spanish").offeredContactIds(), contains("c1"));
    }

    @Test
    void aWaitingLanguageContactCompetesOnlyWithItsOwnLine() {
        desk.arrive(Desk.request("plain", VOICE));
        desk.arrive(inLanguage("es1", "es", false));
        desk.arrive(inLanguage("es2", "es-MX", false));

        assertThat(desk.position("plain"), is(1));
        assertThat(desk.position("es1"), is(1));
        assertThat(desk.position("es2"), is(2));
    }

    @Test
    void aFreedSpeakerTakesTheWaitingLanguageContactAnEnglishSpeakerCouldNot() {
        speaker("english-only", "en");
        desk.arrive(Desk.request("plain", VOICE));
        desk.arrive(inLanguage("es1", "es", false));
        speaker("spanish", "es");

        assertThat(desk.view("spanish").offeredContactIds(), contains("es1"));
    }
}
