package org.approvalchain.engine.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Who approves: the members of the groups the deployed processes give tasks to, for the
 * administrators' list of approvers and their keys.
 */
@Component
public class Approvers {

    private final RepositoryService repository;
    private final DeployedDefinitions definitions;
    private final IdentityService identity;
    private final UserDirectory users;

    Approvers(RepositoryService repository, DeployedDefinitions definitions, IdentityService identity,
              UserDirectory users) {
        this.users = users;
        this.repository = repository;
        this.definitions = definitions;
        this.identity = identity;
    }

    /** An approver with the task groups they belong to. */
    public record Approver(String userId, String displayName, Set<String> groups) {
    }

    /** Every approver, by user id. */
    public List<Approver> all() {
        Set<String> groups = new TreeSet<>();
        for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
            groups.addAll(definitions.officeGroups(d.getId()));
        }
        Map<String, Approver> approvers = new TreeMap<>();
        for (String group : groups) {
            for (User user : identity.createUserQuery().memberOfGroup(group).list()) {
                approvers.computeIfAbsent(user.getId(), id -> new Approver(id, users.displayName(id), new TreeSet<>())).groups().add(group);
            }
        }
        return List.copyOf(approvers.values());
    }

}
