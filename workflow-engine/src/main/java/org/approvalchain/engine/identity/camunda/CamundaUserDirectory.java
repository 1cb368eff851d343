package org.approvalchain.engine.identity.camunda;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The user directory is Camunda's identity service. A user's groups, asked on every request, are
 * read from its membership table directly: Camunda's group query builds its SQL dynamically, with
 * MyBatis evaluating each of its conditions by reflection, at several times the cost.
 */
@Component
class CamundaUserDirectory implements UserDirectory {

    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final String memberships;

    CamundaUserDirectory(IdentityService identity, ManagementService management, JdbcTemplate jdbc) {
        this.identity = identity;
        this.jdbc = jdbc;
        this.memberships = management.getTableName(MembershipEntity.class);
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
        // the membership table's foreign key keeps every group it names in the group table
        return jdbc.queryForList("SELECT GROUP_ID_ FROM " + memberships + " WHERE USER_ID_ = ? ORDER BY GROUP_ID_",
                String.class, userId);
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
        return groupsOf(userId).contains(ADMINS);
    }

    @Override
    public boolean exists(String userId) {
        return identity.createUserQuery().userId(userId).count() > 0;
    }
}
