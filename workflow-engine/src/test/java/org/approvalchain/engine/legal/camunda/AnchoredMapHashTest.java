package org.approvalchain.engine.legal.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.approvalchain.engine.crypto.CanonicalJson;
import org.approvalchain.engine.crypto.Sm3;
import org.approvalchain.engine.legal.AutomationMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * A map anchored on chain must keep verifying (the copy of the BPMN is named {@code .xml} so that
 * Camunda does not deploy it with the test processes): the hashed {@code map} member of a version deployed
 * before the map learned process order and labels hashes exactly as it did then.
 */
class AnchoredMapHashTest {

    /**
     * The SM3 of the map of {@code anchored/business-registration-v1.xml} (business-registration as
     * deployed until the legal bases got their own links), computed by the engine as it was before.
     */
    private static final String ANCHORED_MAP_HASH = "0xa5cce0e2e1aa2c6620f4d0cff97787715b5e48029bf0252a4ad034aac635809f";

    @Test
    void aVersionAnchoredBeforeProcessOrderStillHashesToItsAnchor() {
        var model = Bpmn.readModelFromStream(getClass().getResourceAsStream("/anchored/business-registration-v1.xml"));
        AutomationMap map = AutomationMap.of(LegalModels.of(model).get(0), 1,
                contract -> Sm3.hex(contract.getBytes(StandardCharsets.UTF_8)));

        assertThat(Sm3.hex(CanonicalJson.of(map))).isEqualTo(ANCHORED_MAP_HASH);
    }
}
