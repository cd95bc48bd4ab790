package io.welcomer.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every key is a caller with a name: its own, or its role and position; never the key itself. */
class NamedKeysTest {

    @Test
    void aNamedKeyIsItsNameAndAnUnnamedOneItsPosition() {
        ApiKeys keys = new ApiKeys(all(
                ApiKeys.parse(List.of("gw-secret-1", "telephony:gw-secret-2"), Roles.GATEWAY),
                ApiKeys.parse(List.of("floor-lead:sup-secret"), Roles.SUPERVISOR),
                ApiKeys.parse(List.of("ops:admin-secret-1", "admin-secret-2"), Roles.ADMIN)));

        assertEquals(new Caller("gateway-1", Roles.GATEWAY), keys.identify("gw-secret-1").orElseThrow().caller());
        assertEquals(new Caller("telephony", Roles.GATEWAY), keys.identify("gw-secret-2").orElseThrow().caller());
        assertEquals(new Caller("floor-lead", Roles.SUPERVISOR), keys.identify("sup-secret").orElseThrow().caller());
        assertEquals(new Caller("ops", Roles.ADMIN), keys.identify("admin-secret-1").orElseThrow().caller());
        assertEquals(new Caller("admin-2", Roles.ADMIN), keys.identify("admin-secret-2").orElseThrow().caller());
        // The whole "name:secret" is not a key; only the secret is.
        assertFalse(keys.identify("telephony:gw-secret-2").isPresent());
        assertFalse(keys.identify("floor-lead").isPresent());
    }

    @Test
    void whatAGatewayOwnsFollowsItsNameOrElseItsKeyNotItsPlaceInTheList() {
        String before = ApiKeys.parse(List.of("first", "second"), Roles.GATEWAY).get(1).caller().principal();
        String after = ApiKeys.parse(List.of("second"), Roles.GATEWAY).get(0).caller().principal();
        assertEquals(before, after, "removing a key must not hand its successor another gateway's contacts");
        assertNotEquals("gateway-1", after);
        assertFalse(after.contains("second"), "the owner's id never shows the key");
        assertEquals("telephony", ApiKeys.parse(List.of("telephony:x"), Roles.GATEWAY).get(0).caller().principal());
    }

    @Test
    void aBadNameStopsTheServerWithoutShowingTheKey() {
        for (String entry : List.of("has space:sec-r3t", ":sec-r3t", "name:", "n".repeat(65) + ":sec-r3t")) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ApiKeys.parse(List.of("fine", entry), Roles.SUPERVISOR), entry);
            assertTrue(refused.getMessage().contains("welcomer.supervisor-keys: key 2"), refused.getMessage());
            assertFalse(refused.getMessage().contains("sec-r3t"), refused.getMessage());
        }
    }

    @Test
    void twoKeysOfOneNameOrOneKeyTwiceAreRefused() {
        IllegalStateException sameName = assertThrows(IllegalStateException.class, () -> new ApiKeys(all(
                ApiKeys.parse(List.of("ops:one"), Roles.ADMIN), ApiKeys.parse(List.of("ops:two"), Roles.SUPERVISOR))));
        assertTrue(sameName.getMessage().contains("'ops'"), sameName.getMessage());
        // A named key may not take the name an unnamed one has by its position.
        assertThrows(IllegalStateException.class, () -> new ApiKeys(all(
                ApiKeys.parse(List.of("one", "admin-1:two"), Roles.ADMIN))));
        IllegalStateException sameSecret = assertThrows(IllegalStateException.class, () -> new ApiKeys(all(
                ApiKeys.parse(List.of("shared"), Roles.GATEWAY), ApiKeys.parse(List.of("lead:shared"), Roles.SUPERVISOR))));
        assertFalse(sameSecret.getMessage().contains("shared"), sameSecret.getMessage());
    }

    @Test
    void theDevKeysArePublishedWhateverTheyAreNamed() {
        List<String> secrets = all(ApiKeys.parse(List.of("real-key-7f3a", "ops:dev-admin-key"), Roles.ADMIN)).stream()
                .map(ApiKeys.ConfiguredKey::secret).toList();
        assertEquals("dev-admin-key", WellKnownKeys.publishedAmong(secrets).orElseThrow());
        assertFalse(WellKnownKeys.publishedAmong(List.of("real-key-7f3a")).isPresent());
    }

    @SafeVarargs
    private static List<ApiKeys.ConfiguredKey> all(List<ApiKeys.ConfiguredKey>... lists) {
        List<ApiKeys.ConfiguredKey> keys = new ArrayList<>();
        for (List<ApiKeys.ConfiguredKey> list : lists) {
            keys.addAll(list);
        }
        return keys;
    }
}
