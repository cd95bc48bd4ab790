package io.welcomer.database;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/** Stops the embedded database with the server: after every other stop observer, so after the journal's last flush. */
@ApplicationScoped
class EmbeddedDatabaseStop {

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) ShutdownEvent event) {
        EmbeddedDatabase.stop();
    }
}
