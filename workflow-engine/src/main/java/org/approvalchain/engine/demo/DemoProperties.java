package org.approvalchain.engine.demo;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo settings ({@code approvalchain.demo.*}), used on the embedded defaults only.
 *
 * @param keysDir where the demo approvers' key pairs are written (private keys stay there; the
 *     engine registers only the public keys), for signing with the command-line signer
 */
@ConfigurationProperties("approvalchain.demo")
public record DemoProperties(@DefaultValue("data/demo-keys") Path keysDir) {
}
