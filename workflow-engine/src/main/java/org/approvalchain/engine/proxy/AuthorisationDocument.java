package org.approvalchain.engine.proxy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvalchain.engine.crypto.CanonicalJson;

/**
 * What an applicant signs to authorise an agent: who authorises whom, for which services (process
 * keys), from when until when (UTC, milliseconds), with a nonce of the client's choosing so that
 * two authorisations alike are two documents. Signed as its canonical JSON (RFC 8785), e.g.
 * <pre>{"agent":"huang.lei","nonce":"…","principal":"zhang.wei","purpose":"approvalchain:proxy-authorisation",
 * "services":["food-business-licence"],"v":1,"validFrom":"2026-12-01T00:00:00.000Z","validUntil":"2027-03-01T00:00:00.000Z"}</pre>
 */
public record AuthorisationDocument(String principal, String agent, List<String> services, Instant validFrom,
                                    Instant validUntil, String nonce) {

    public static final String PURPOSE = "approvalchain:proxy-authorisation";
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,254}");
    /** A user id as the identity service takes them. */
    private static final Pattern USER = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,254}");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    public AuthorisationDocument {
        require(principal != null && !principal.isBlank(), "principal: must name the applicant who authorises");
        require(agent != null && !agent.isBlank(), "agent: must name the user authorised");
        require(USER.matcher(agent).matches(), "agent: '" + abbreviated(agent) + "' is not a user id (letters, digits, "
                + "'.', '_' and '-', at most 255)");
        require(!principal.equals(agent), "agent: must be another user than the principal");
        require(services != null && !services.isEmpty(), "services: must name at least one service (process key)");
        services.forEach(s -> require(s != null && SERVICE.matcher(s).matches(), "services: '" + s + "' is not a process key"));
        require(services.stream().distinct().count() == services.size(), "services: a service is named twice");
        require(validFrom != null && validUntil != null && !validFrom.isBefore(Instant.EPOCH) && validUntil.isBefore(LATEST),
                "validFrom, validUntil: must lie between 1970 and 9999");
        require(validUntil.isAfter(validFrom),
                "validUntil: must come after validFrom");
        require(validFrom.getNano() % 1_000_000 == 0 && validUntil.getNano() % 1_000_000 == 0,
                "validFrom, validUntil: milliseconds at most");
        require(nonce != null && !nonce.isBlank(), "nonce: must not be blank");
        services = List.copyOf(services);
    }

    /** The canonical UTF-8 JSON bytes the principal signs. */
    public byte[] canonicalBytes() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("agent", agent);
        members.put("nonce", nonce);
        members.put("principal", principal);
        members.put("purpose", PURPOSE);
        members.put("services", services);
        members.put("v", 1);
        members.put("validFrom", SignedDocuments.time(validFrom));
        members.put("validUntil", SignedDocuments.time(validUntil));
        return CanonicalJson.object(members);
    }

    /** The services as the chain keeps them: comma-separated. */
    String scope() {
        return String.join(",", services);
    }

    /**
     * The document these bytes encode, if and only if they are its canonical form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static AuthorisationDocument parse(byte[] bytes) {
        return SignedDocuments.parse(bytes, PURPOSE, AuthorisationDocument::read, AuthorisationDocument::canonicalBytes);
    }

    private static AuthorisationDocument read(JsonNode root) {
        if (root.path("v").asInt() != 1) {
            throw new IllegalArgumentException("v: must be 1");
        }
        List<String> services = StreamSupport.stream(root.path("services").spliterator(), false).map(JsonNode::asText).toList();
        return new AuthorisationDocument(root.path("principal").asText(null), root.path("agent").asText(null), services,
                SignedDocuments.time(root, "validFrom"), SignedDocuments.time(root, "validUntil"), root.path("nonce").asText(null));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "… (" + text.length() + " characters)";
    }
}
