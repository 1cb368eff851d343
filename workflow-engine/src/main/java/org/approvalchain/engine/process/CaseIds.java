package org.approvalchain.engine.process;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;

/**
 * A new case's id: a UUID of version 7 (RFC 9562), whose text begins with the time in milliseconds,
 * so that ids sort in the order their cases started (within a millisecond too: the generator counts
 * on from the last one). The indexes that hold a case's id (Camunda's business key, the case
 * record's step keys, the chain journal's write keys, the kept decisions and personal-data reads by
 * case) then grow at their end, as the indexes of Camunda's own ids do, instead of at a random place
 * for each case: a random place is one more page rewritten at the next store of the embedded
 * database, and, once an index outgrows H2's cache, one more page read from the file. The id is no
 * secret (who may see a case is decided per request, {@link CaseAccess}); its 74 random bits still
 * make it unguessable.
 */
final class CaseIds {

    private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private CaseIds() {
    }

    static String next() {
        return GENERATOR.generate().toString();
    }
}
