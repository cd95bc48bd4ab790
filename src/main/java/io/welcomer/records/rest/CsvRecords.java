package io.welcomer.records.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.welcomer.records.ContactRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Contact records as CSV lines (RFC 4180): one line per record, the same fields as the JSON
 * record; the offers and legs, being lists, are JSON arrays in their cells.
 */
final class CsvRecords {

    static final String HEADER = "id,line,channel,mode,customerId,createdAt,state,waitSeconds,touchSeconds,"
            + "wrapUpSeconds,resolved,outcomeCode,outcomeNotes,csat,repeat,erasedAt,offers,legs\r\n";

    private final ObjectMapper json;

    CsvRecords(ObjectMapper json) {
        this.json = json;
    }

    /** A fetch of records, a line each. */
    String lines(List<ContactRecord> records) {
        StringBuilder lines = new StringBuilder(records.size() * 400);
        records.forEach(record -> lines.append(line(record)));
        return lines.toString();
    }

    private String line(ContactRecord record) {
        List<Object> cells = new ArrayList<>();
        cells.add(record.id());
        cells.add(record.line());
        cells.add(record.channel());
        cells.add(record.mode());
        cells.add(record.customerId());
        cells.add(record.createdAt());
        cells.add(record.state());
        cells.add(record.waitSeconds());
        cells.add(record.touchSeconds());
        cells.add(record.wrapUpSeconds());
        cells.add(record.outcome() == null ? null : record.outcome().resolved());
        cells.add(record.outcome() == null ? null : record.outcome().code());
        cells.add(record.outcome() == null ? null : record.outcome().notes());
        cells.add(record.csat());
        cells.add(record.repeat());
        cells.add(record.erasedAt());
        cells.add(toJson(record.offers()));
        cells.add(toJson(record.legs()));
        return cells.stream().map(CsvRecords::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records are plain values", e);
        }
    }

    /** Quoted when it holds a comma, quote or line break; a quote inside is doubled. Empty for null. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
