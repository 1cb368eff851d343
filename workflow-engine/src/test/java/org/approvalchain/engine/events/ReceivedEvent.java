package org.approvalchain.engine.events;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import org.approvalchain.engine.crypto.CanonicalJson;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * An event as a receiver got it (a webhook's body or a RabbitMQ message's), checked the way
 * docs/events.md tells a receiver to: parsed as a CloudEvent by the CloudEvents SDK, and its
 * {@code sm2signature} verified SM3withSM2 over the canonical JSON of the document without it, with
 * the engine's public key in PEM.
 */
record ReceivedEvent(String body, JsonNode json, CloudEvent cloudEvent) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ReceivedEvent of(String body) {
        try {
            return new ReceivedEvent(body, JSON.readTree(body),
                    new JsonFormat().deserialize(body.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String id() {
        return cloudEvent.getId();
    }

    String type() {
        return cloudEvent.getType();
    }

    String caseId() {
        return cloudEvent.getSubject();
    }

    JsonNode data() {
        return json.path("data");
    }

    /** Whether the SM2 signature verifies with {@code publicKeyPem} over what docs/events.md says is signed. */
    boolean signedBy(String publicKeyPem) {
        try {
            Map<String, Object> members = JSON.readValue(body, new TypeReference<>() { });
            byte[] signature = Base64.getDecoder().decode((String) members.remove("sm2signature"));
            Signature sm2 = Signature.getInstance("SM3withSM2", new BouncyCastleProvider());
            sm2.initVerify(publicKey(publicKeyPem));
            sm2.update(CanonicalJson.object(members));
            return sm2.verify(signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(String pem) throws IOException, GeneralSecurityException {
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            return KeyFactory.getInstance("EC", new BouncyCastleProvider())
                    .generatePublic(new X509EncodedKeySpec(reader.readPemObject().getContent()));
        }
    }
}
