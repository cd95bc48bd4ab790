package io.welcomer.records;

import java.time.Instant;

/** A place in arrival order: the key records are paged by, rising with every arrival. */
public record RecordPosition(Instant createdAt, long arrivalSeq) {}
