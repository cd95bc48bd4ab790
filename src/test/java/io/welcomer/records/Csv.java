package io.welcomer.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** CSV as a spreadsheet reads it (RFC 4180), and the cells a JSON record should become. */
final class Csv {

    static final List<String> HEADER = List.of("id", "line", "channel", "mode", "customerId", "createdAt", "state",
            "waitSeconds", "touchSeconds", "wrapUpSeconds", "resolved", "outcomeCode", "outcomeNotes", "csat",
            "repeat", "erasedAt", "offers", "legs");

    private Csv() {
    }

    /** The rows of a CSV text: quoted cells may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    /** The cells of a JSON record, in the header's order: empty for null, lists as compact JSON. */
    static List<String> row(JsonNode record) {
        JsonNode outcome = record.path("outcome");
        List<String> cells = new ArrayList<>();
        for (String field : HEADER) {
            JsonNode value = switch (field) {
                case "resolved" -> outcome.path("resolved");
                case "outcomeCode" -> outcome.path("code");
                case "outcomeNotes" -> outcome.path("notes");
                default -> record.path(field);
            };
            cells.add(value.isMissingNode() || value.isNull() ? "" : value.isContainerNode() ? value.toString()
                    : value.asText());
        }
        return cells;
    }
}
