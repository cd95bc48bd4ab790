package io.welcomer.records.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import io.vertx.core.buffer.Buffer;
import io.welcomer.records.ContactRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Contact records as newline-delimited JSON, a fetch of records in one write: a line per record,
 * the last without its newline, as RESTEasy ends each item it streams as NDJSON with one.
 */
final class NdjsonRecords {

    /** About the size of a record's line, to size the buffer once. */
    private static final int LINE = 600;

    private final ObjectWriter lines;

    NdjsonRecords(ObjectMapper json) {
        this.lines = json.writer().withRootValueSeparator("\n");
    }

    Buffer lines(List<ContactRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(records.size() * LINE);
        try (SequenceWriter writer = lines.writeValues(out)) {
            writer.writeAll(records);
        } catch (IOException e) {
            throw new UncheckedIOException("records are plain values, written to memory", e);
        }
        return Buffer.buffer(out.toByteArray());
    }
}
