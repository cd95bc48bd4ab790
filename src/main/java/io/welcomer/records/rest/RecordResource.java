package io.welcomer.records.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.welcomer.problems.Problem;
import io.welcomer.records.ContactRecord;
import io.welcomer.records.RecordPage;
import io.welcomer.records.RecordQuery;
import io.welcomer.records.Records;
import io.welcomer.records.RecordsConfig;
import io.welcomer.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.InstantSource;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestMulti;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.common.util.RestMediaType;

/**
 * Contact records for a centre's quality team and BI tools: paged JSON, or the whole range
 * streamed as NDJSON or CSV (by {@code Accept}), in arrival order. Admin only.
 */
@Path("/v1/contacts")
@RolesAllowed(Roles.ADMIN)
public class RecordResource {

    static final String CSV = "text/csv";
    /** Without a preference (Accept: any), a page of JSON; a stream only when asked for. */
    private static final String STREAMED = ";qs=0.5";

    private final Records records;
    private final RecordsConfig config;
    private final InstantSource clock;
    private final CsvRecords csv;
    private final NdjsonRecords ndjson;

    RecordResource(Records records, RecordsConfig config, InstantSource clock, ObjectMapper json) {
        this.records = records;
        this.config = config;
        this.clock = clock;
        this.csv = new CsvRecords(json);
        this.ndjson = new NdjsonRecords(json);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Contact records in arrival order, a page at a time",
            description = "Contacts that arrived in [from, to) (default: the day before now), narrowed by line, "
                    + "an agent who held the contact, customer and state. Follow `next` as `cursor` with the same "
                    + "parameters until it is null: every record comes once, also while contacts arrive.")
    @APIResponse(responseCode = "200", description = "A page of records and the cursor of the next",
            content = @Content(schema = @Schema(implementation = RecordPage.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in `errors`: a date, from after to, "
            + "a range over welcomer.records.max-page-range, an unknown state, a limit out of 1-1000, a forged, "
            + "stale or foreign cursor", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "An Accept header naming none of JSON, NDJSON, CSV",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<RecordPage> page(@RestQuery String from, @RestQuery String to, @RestQuery String line,
                                @RestQuery String agentId, @RestQuery String customerId, @RestQuery String state,
                                @RestQuery String cursor,
                                @Parameter(description = "records per page, 1-1000 (default 100)") @RestQuery String limit) {
        RecordQuery query = RecordParameters.query(from, to, line, agentId, customerId, state, clock.instant());
        RecordParameters.pageable(query, config.maxPageRange());
        return records.page(query, cursor, RecordParameters.limit(limit));
    }

    @GET
    @Produces(RestMediaType.APPLICATION_NDJSON + STREAMED)
    @Operation(summary = "Every contact record of the range as newline-delimited JSON, streamed",
            description = "The same records and parameters as the paged JSON, without paging and without a bound on "
                    + "the range: read from the store as the client reads them, in constant server memory.")
    @APIResponse(responseCode = "200", description = "One record per line",
            content = @Content(mediaType = RestMediaType.APPLICATION_NDJSON,
                    schema = @Schema(implementation = ContactRecord.class)))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in `errors` (a cursor or limit too: "
            + "an export is not paged)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = Problem.class)))
    public Multi<Buffer> ndjson(@RestQuery String from, @RestQuery String to, @RestQuery String line,
                                       @RestQuery String agentId, @RestQuery String customerId,
                                       @RestQuery String state, @RestQuery String cursor, @RestQuery String limit) {
        return records.export(exported(from, to, line, agentId, customerId, state, cursor, limit), List.of(),
                ndjson::lines);
    }

    @GET
    @Produces(CSV + STREAMED)
    @Operation(summary = "Every contact record of the range as CSV, streamed",
            description = "A header line, then one line per record with the JSON record's fields; offers and legs "
                    + "are JSON arrays in their cells.")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV, lines ending CRLF",
            content = @Content(mediaType = CSV))
    @APIResponse(responseCode = "400", description = "A bad parameter, named in `errors`",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Multi<String> csv(@RestQuery String from, @RestQuery String to, @RestQuery String line,
                             @RestQuery String agentId, @RestQuery String customerId, @RestQuery String state,
                             @RestQuery String cursor, @RestQuery String limit) {
        return RestMulti.fromMultiData(records.export(exported(from, to, line, agentId, customerId, state, cursor,
                        limit), List.of(CsvRecords.HEADER), csv::lines))
                .header("Content-Disposition", "attachment; filename=\"contacts.csv\"")
                .build();
    }

    private RecordQuery exported(String from, String to, String line, String agentId, String customerId,
                                 String state, String cursor, String limit) {
        RecordParameters.unpaged(cursor, limit);
        return RecordParameters.query(from, to, line, agentId, customerId, state, clock.instant());
    }
}
