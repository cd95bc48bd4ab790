package io.welcomer.records;

import java.util.List;

/** One page of records in arrival order; {@code next} is the cursor of the page after it, null on the last. */
public record RecordPage(List<ContactRecord> items, String next) {}
