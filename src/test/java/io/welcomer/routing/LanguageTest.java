package io.welcomer.routing;

import static io.welcomer.routing.Channel.VOICE;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.welcomer.routing.Decision.Offered;
import java.time.Duration;
import java.util.List;
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

    @Test
    void anAgentWhoDeclaredNoLanguagesNeverTakesAContactWhoseLanguageIsRequired() {
        speaker("declared-nothing");

        assertThat(desk.arrive(inLanguage("c1", "es", true)), contains(new Decision.Queued("c1", VOICE)));
        assertThat(Desk.only(Offered.class, desk.tickAfter(RELAX_AFTER.multipliedBy(20))), is(empty()));
        assertThat(desk.view("declared-nothing").offeredContactIds(), is(empty()));
    }

    @Test
    void anAgentWhoDeclaredNoLanguagesTakesALanguageContactOnlyAfterTheRelaxTime() {
        speaker("declared-nothing");

        assertThat(desk.arrive(inLanguage("c1", "es", false)), contains(new Decision.Queued("c1", VOICE)));
        assertThat(desk.tickAfter(RELAX_AFTER.minusSeconds(1)), is(empty()));
        assertThat(Desk.only(Offered.class, desk.tickAfter(Duration.ofSeconds(1))),
                contains(desk.offered("c1", VOICE, "declared-nothing")));
    }

    @Test
    void aSpeakerBeatsAnAgentWhoDeclaredNothingAndWaitedLonger() {
        speaker("declared-nothing");
        desk.advanceSeconds(60);
        speaker("spanish", "es");

        assertThat(Desk.only(Offered.class, desk.arrive(inLanguage("c1", "es", false))),
                contains(desk.offered("c1", VOICE, "spanish")));
    }

    @Test
    void aFreedAgentWhoDeclaredNothingIsNotHandedAWaitingLanguageContact() {
        desk.arrive(inLanguage("c1", "es", false));
        speaker("declared-nothing");

        assertThat(desk.view("declared-nothing").offeredContactIds(), is(empty()));
    }

    @Test
    void oneTagRuleWellFormedBcp47OfAtMost35Characters() {
        for (String tag : List.of("en", "ES", "es-MX", "pt-BR", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1996",
                "sl-rozaj-biske", "zh-yue-HK", "en-US-u-ca-gregory", "en-a-bbb-x-private", "haw", "tlh")) {
            assertThat(tag, Languages.isTag(tag), is(true));
        }
        for (String tag : List.of("", "e", "spanish please", "es_MX", "es-", "-es", "es--MX", "123", "es-MXX-", "x-private",
                "en-US-u", "es-" + "a".repeat(9), "en-Latn-US-" + "valencia-".repeat(3) + "x-a")) {
            assertThat(tag, Languages.isTag(tag), is(false));
        }
        // Longer than 35 characters, though every subtag is well formed.
        String long36 = "en-Latn-US-valencia-rozaj-biske-1994";
        assertThat(long36.length(), is(36));
        assertThat(Languages.isTag(long36), is(false));
        assertThat(Languages.isTag(long36.substring(0, 31)), is(true));
    }
}
