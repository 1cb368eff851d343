package org.approvalchain.engine.identity.camunda;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The user directory is Camunda's identity service. */
@Component
class CamundaUserDirectory implements UserDirectory {

    private final IdentityService identity;

    CamundaUserDirectory(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Optional<List<String>> authenticate(String userId, String password) {
        if (userId == null || password == null || !identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        return Optional.of(groupsOf(userId));
    }

    @Override
    public List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    @Override
    public String displayName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String name = Stream.of(user.getFirstName(), user.getLastName()).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")).strip();
        return name.isEmpty() ? userId : name;
    }

    @Override
    public boolean isAdmin(String userId) {
        return identity.createGroupQuery().groupMember(userId).groupId(ADMINS).count() > 0;
    }

    @Override
    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }
}
