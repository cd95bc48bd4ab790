package io.welcomer.audit;

import static io.restassured.RestAssured.given;
import static io.welcomer.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.welcomer.support.Api;
import io.welcomer.support.Database;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A change and its audit entry are one commit: when the store refuses either, neither is stored,
 * and routing agrees with the store again.
 */
@QuarkusTest
class AuditInTheSameCommitTest {

    /** The journal's flush deadline in tests (3 s), a rebuild from the store, and margin. */
    private static final Duration AGREEMENT_BOUND = Duration.ofSeconds(10);

    private final Database db = Database.open();

    @AfterEach
    void close() {
        await().atMost(AGREEMENT_BOUND).until(() -> given().get("/q/health/ready").statusCode() == 200);
        db.close();
    }

    @Test
    void anAuditEntryTheStoreRefusesTakesItsChangeWithIt() {
        String agentId = Api.uniqueId("unaudited");
        db.execute("alter table audit_log add constraint same_commit_test check (target <> '" + agentId + "') not valid");
        try {
            int status = admin().body(Map.of("name", "Unaudited", "skills", Map.of(), "capacity", Map.of()))
                    .put("/v1/agents/{id}", agentId).then().extract().statusCode();
            assertNotEquals(201, status, "a change whose audit entry was refused must not be acknowledged");
        } finally {
            db.execute("alter table audit_log drop constraint same_commit_test");
        }
        assertEquals(0, db.count("select count(*) from agents where id = ?", agentId));
        await().atMost(AGREEMENT_BOUND).until(() -> admin().get("/v1/agents/{id}", agentId).statusCode() == 404);
    }

    @Test
    void aChangeTheStoreRefusesLeavesNoAuditEntry() {
        String agentId = Api.uniqueId("refused");
        db.execute("alter table agents add constraint same_commit_test check (id <> '" + agentId + "') not valid");
        try {
            int status = admin().body(Map.of("name", "Refused", "skills", Map.of(), "capacity", Map.of()))
                    .put("/v1/agents/{id}", agentId).then().extract().statusCode();
            assertNotEquals(201, status);
        } finally {
            db.execute("alter table agents drop constraint same_commit_test");
        }
        assertEquals(0, db.count("select count(*) from audit_log where target = ?", agentId));
    }
}
