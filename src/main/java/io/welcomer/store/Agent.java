package io.welcomer.store;

import java.time.Instant;

/**
 * An agent profile as stored, a value like {@link Contact}: each change is a new one.
 *
 * @param skills    JSON object: skill name to proficiency 1-5
 * @param capacity  JSON object: channel to concurrent contacts
 * @param languages BCP 47 tags separated by commas; empty when none is stated
 */
public record Agent(String id, String name, String skills, String capacity, String languages, Instant updatedAt) {
}
