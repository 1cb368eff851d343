package org.approvalchain.engine.process;

import java.util.List;
import java.util.Map;

import org.approvalchain.engine.proxy.AgentAuthority;
import org.approvalchain.engine.proxy.AgentAuthority.Mandate;
import org.springframework.stereotype.Service;

/**
 * An agent starts a case on an applicant's behalf (授权代办): only when the chain authorises it at
 * that moment (a static call of {@code ProxyAuthorisation.isAuthorised}); the case's applicant is the
 * principal, who reads it as their own, and it records the agent and the authorisation; the start is
 * then recorded on chain under the authorisation, where the chain checks it again.
 */
@Service
public class AgentStarts {

    private final IdempotentStarts starts;
    private final AgentAuthority agents;

    AgentStarts(IdempotentStarts starts, AgentAuthority agents) {
        this.starts = starts;
        this.agents = agents;
    }

    /**
     * Starts a case of {@code processKey} for {@code principal} by {@code agent}, as {@link IdempotentStarts#start}.
     *
     * @throws org.approvalchain.engine.proxy.ProxyException with the chain's reason when the agent is not authorised now
     */
    public IdempotentStarts.StartedCase start(String processKey, Map<String, Object> application, Map<String, Object> applicant,
                                              List<String> reusedLicences, String agent, String principal, String key) {
        Mandate mandate = agents.authorise(agent, principal, processKey);
        IdempotentStarts.StartedCase started = starts.start(processKey, application, applicant, reusedLicences, principal, key,
                Map.of(Cases.PROXY_AGENT, agent, Cases.PROXY_AUTHORISATION, mandate.authorisationId()));
        if (!started.replayed()) {
            agents.record(mandate, "start", started.caseId());
        }
        return started;
    }
}
