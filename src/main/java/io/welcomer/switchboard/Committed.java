package io.welcomer.switchboard;

import io.welcomer.routing.Command;
import io.welcomer.routing.Decision;
import io.welcomer.routing.QueueStats;
import io.welcomer.store.Contact;
import io.welcomer.store.ContactEvent;
import java.util.List;
import java.util.Map;

/**
 * A command's decisions after their commit.
 *
 * @param decided the contacts these decisions concern, as they were decided (ended ones too)
 * @param events  the contact events appended, in order, with their ids in the durable log
 * @param stats   the router's figures right after the command
 */
public record Committed(Command command, List<Decision> decisions, Map<String, Contact> decided,
                        List<ContactEvent> events, QueueStats stats) {
}
