package io.welcomer.records;

import io.welcomer.problems.ProblemException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paging cursors: opaque to clients and tamper-evident. A cursor carries a place in arrival
 * order, the query it was issued for and when, signed with the store's secret; one altered,
 * made up, issued for another query or older than its lifetime is refused (400).
 */
public final class Cursors {

    private static final String MAC = "HmacSHA256";
    private static final int MAC_BYTES = 16;
    private static final int FINGERPRINT_BYTES = 12;
    private static final int PAYLOAD_BYTES = 3 * Long.BYTES + FINGERPRINT_BYTES;

    private final SecretKeySpec secret;
    private final InstantSource clock;
    private final Duration lifetime;

    public Cursors(String secret, InstantSource clock, Duration lifetime) {
        this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), MAC);
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** The cursor of the page after {@code last}, for this query. */
    public String after(RecordPosition last, RecordQuery query) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt()))
                .putLong(last.arrivalSeq())
                .putLong(clock.instant().getEpochSecond())
                .put(query.fingerprint());
        byte[] signed = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES).put(payload.array()).put(sign(payload.array()))
                .array();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
    }

    /** Where the cursor's page starts (after this place); a 400 naming the cursor if it is not good for this query. */
    public RecordPosition read(String cursor, RecordQuery query) {
        byte[] signed;
        try {
            signed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw forged();
        }
        // The decoder ignores the unused low bits of the last character; only the canonical spelling is ours.
        if (signed.length != PAYLOAD_BYTES + MAC_BYTES
                || !Base64.getUrlEncoder().withoutPadding().encodeToString(signed).equals(cursor)) {
            throw forged();
        }
        byte[] payload = Arrays.copyOf(signed, PAYLOAD_BYTES);
        if (!MessageDigest.isEqual(sign(payload), Arrays.copyOfRange(signed, PAYLOAD_BYTES, signed.length))) {
            throw forged();
        }
        ByteBuffer fields = ByteBuffer.wrap(payload);
        Instant createdAt = Instant.EPOCH.plus(fields.getLong(), ChronoUnit.MICROS);
        long arrivalSeq = fields.getLong();
        Instant issuedAt = Instant.ofEpochSecond(fields.getLong());
        byte[] fingerprint = new byte[FINGERPRINT_BYTES];
        fields.get(fingerprint);
        if (!MessageDigest.isEqual(fingerprint, query.fingerprint())) {
            throw ProblemException.invalidField("cursor", "was issued for another query; keep the query's parameters "
                    + "as they were, or start again without a cursor");
        }
        if (issuedAt.plus(lifetime).isBefore(clock.instant())) {
            throw ProblemException.invalidField("cursor", "is stale (cursors are good for " + lifetime
                    + "); start again without a cursor");
        }
        return new RecordPosition(createdAt, arrivalSeq);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(secret);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static ProblemException forged() {
        return ProblemException.invalidField("cursor", "is not a cursor this server issued");
    }
}
