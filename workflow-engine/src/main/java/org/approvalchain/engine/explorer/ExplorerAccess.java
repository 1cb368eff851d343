package org.approvalchain.engine.explorer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.process.CaseAccess;
import org.approvalchain.engine.process.CaseException;
import org.springframework.stereotype.Component;

/**
 * Who sees which transactions: legal reviewers and administrators all of them; anyone else those
 * of the cases they may read ({@link CaseAccess}), and none that belongs to no case (deployments,
 * process versions, approvers' keys).
 */
@Component
class ExplorerAccess {

    private final CaseAccess cases;
    private final UserDirectory users;

    ExplorerAccess(CaseAccess cases, UserDirectory users) {
        this.cases = cases;
        this.users = users;
    }

    /** One user's view for one request: the cases checked are remembered. */
    Reader reader(String userId) {
        List<String> groups = users.groupsOf(userId);
        return new Reader(userId, groups.contains(UserDirectory.ADMINS) || groups.contains(UserDirectory.LEGAL_REVIEWERS));
    }

    final class Reader {
        private final String userId;
        private final boolean overseer;
        private final Map<String, Boolean> readable = new HashMap<>();

        private Reader(String userId, boolean overseer) {
            this.userId = userId;
            this.overseer = overseer;
        }

        /** Whether the reader sees the transactions of the case ({@code null}: of no case). */
        boolean sees(String caseId) {
            if (overseer) {
                return true;
            }
            return caseId != null && readable.computeIfAbsent(caseId, id -> {
                try {
                    cases.requireReadable(id, userId);
                    return true;
                } catch (CaseException refused) {
                    return false;
                }
            });
        }

        /**
         * Requires that the reader sees the transactions of the case.
         *
         * @throws CaseException FORBIDDEN ({@code EXPLORER-002}) for a transaction of no case, else as {@link CaseAccess}
         */
        void require(String caseId) {
            if (overseer) {
                return;
            }
            if (caseId == null) {
                throw new CaseException(CaseException.Kind.FORBIDDEN, "EXPLORER-002 this transaction belongs to no case: "
                        + "only legal reviewers and administrators may read it");
            }
            cases.requireReadable(caseId, userId);
        }
    }
}
