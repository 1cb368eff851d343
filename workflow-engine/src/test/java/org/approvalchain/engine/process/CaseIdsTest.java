package org.approvalchain.engine.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseIdsTest {

    @Test
    void idsAreUuidsThatSortInTheOrderTheyWereMade() {
        List<String> ids = new ArrayList<>();
        long until = System.currentTimeMillis() + 5;
        while (System.currentTimeMillis() < until || ids.size() < 1_000) {
            ids.add(CaseIds.next());
        }

        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
        assertThat(ids).doesNotHaveDuplicates().isSorted();
    }
}
