package io.gatekey.adapter.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.gatekey.domain.account.AccountId;
import io.gatekey.domain.account.SubAccountId;
import io.gatekey.domain.audit.AuditEvent;
import io.gatekey.domain.audit.AuditEventType;
import io.gatekey.domain.audit.AuditLink;
import io.gatekey.domain.audit.AuditOrigin;
import io.gatekey.domain.audit.LinkedAuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Audit events as JSON lines, one event per line with every field its hash covers (see
 * {@link io.gatekey.domain.audit.AuditChain}), so an export can be checked again, here or anywhere.
 */
final class AuditJsonLines {

    private static final JsonFactory JSON = new JsonFactory();

    private AuditJsonLines() {
    }

    static void write(Writer out, LinkedAuditEvent linked) {
        AuditEvent event = linked.event();
        AuditLink link = linked.link();
        try (JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.writeStartObject();
            json.writeNumberField("id", linked.id());
            json.writeStringField("at", event.at().toString());
            json.writeNumberField("atMs", event.at().toEpochMilli());
            json.writeStringField("type", event.type().name());
            json.writeStringField("accountId", event.accountId().value());
            optional(json, "userId", event.subAccountId().map(SubAccountId::value));
            json.writeStringField("actor", event.actor());
            json.writeStringField("subject", event.subject());
            json.writeStringField("detail", event.detail());
            json.writeStringField("door", event.origin().door());
            optional(json, "requestId", event.origin().requestId());
            optional(json, "sourceAddress", event.origin().sourceAddress());
            optional(json, "userAgent", event.origin().userAgent());
            json.writeStringField("chain", link.chain());
            json.writeNumberField("seq", link.seq());
            json.writeStringField("previousHash", link.previousHash());
            json.writeStringField("hash", link.hash());
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line back into the event it was written from; a line that is not one is refused naming its number. */
    static LinkedAuditEvent read(String line, long lineNumber) {
        Map<String, Object> fields = new HashMap<>();
        try (JsonParser parser = JSON.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CliRefusal("line " + lineNumber + " is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                fields.put(name, switch (value) {
                    case VALUE_NUMBER_INT -> parser.getLongValue();
                    case VALUE_STRING -> parser.getText();
                    case VALUE_NULL -> null;
                    default -> throw new CliRefusal("line " + lineNumber + ": field " + name + " is neither a text nor a number");
                });
            }
        } catch (JsonProcessingException e) {
            throw new CliRefusal("line " + lineNumber + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            AuditEvent event = new AuditEvent(Instant.ofEpochMilli(number(fields, "atMs")), AuditEventType.valueOf(text(fields, "type")),
                    new AccountId(text(fields, "accountId")), Optional.ofNullable((String) fields.get("userId")).map(SubAccountId::new),
                    text(fields, "actor"), text(fields, "subject"), text(fields, "detail"),
                    new AuditOrigin(text(fields, "door"), Optional.ofNullable((String) fields.get("requestId")),
                            Optional.ofNullable((String) fields.get("sourceAddress")), Optional.ofNullable((String) fields.get("userAgent"))));
            AuditLink link = new AuditLink(text(fields, "chain"), number(fields, "seq"), text(fields, "previousHash"), text(fields, "hash"));
            return new LinkedAuditEvent(number(fields, "id"), event, link);
        } catch (RuntimeException e) {
            if (e instanceof CliRefusal) {
                throw e;
            }
            throw new CliRefusal("line " + lineNumber + " is not an audit event: " + e.getMessage());
        }
    }

    private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        } else {
            json.writeNullField(name);
        }
    }

    private static String text(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof String text)) {
            throw new IllegalArgumentException("field " + name + " is missing or not a text");
        }
        return text;
    }

    private static long number(Map<String, Object> fields, String name) {
        if (!(fields.get(name) instanceof Long number)) {
            throw new IllegalArgumentException("field " + name + " is missing or not a number");
        }
        return number;
    }
}
