package org.approvalchain.engine.identity.camunda;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.approvalchain.engine.identity.PasswordChecks;
import org.approvalchain.engine.identity.UserDirectory;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.MembershipEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The user directory is Camunda's identity service. A user's groups, asked on every request, are
 * read from its membership table directly: Camunda's group query builds its SQL dynamically, with
 * MyBatis evaluating each of its conditions by reflection, at several times the cost.
 *
 * <p>Programs send their password with every request (HTTP Basic). Camunda's check of it is a
 * command of its own (a transaction, the user read through MyBatis, the hash, the count of failed
 * attempts), so a password it accepted is remembered, as a digest under a key of this process, with
 * the user's revision at that moment; while the user's row still has that revision, the same
 * password is accepted again after one read of the row and the user's groups. Camunda raises the
 * revision on every change of the user (password, failed attempt, lock), on any node, so any change
 * sends the next request to Camunda's check again; the groups are read on every request.
 */
@Component
class CamundaUserDirectory implements UserDirectory {

    private final IdentityService identity;
    private final PasswordChecks checks;
    private final JdbcTemplate jdbc;
    private final String memberships;
    private final String users;
    private final byte[] digestKey = randomKey();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();

    CamundaUserDirectory(IdentityService identity, ManagementService management, JdbcTemplate jdbc, PasswordChecks checks) {
        this.identity = identity;
        this.checks = checks;
        this.jdbc = jdbc;
        this.memberships = management.getTableName(MembershipEntity.class);
        this.users = management.getTableName(UserEntity.class);
    }

    @Override
    public Optional<List<String>> authenticate(String userId, String password) {
        if (userId == null || password == null) {
            return Optional.empty();
        }
        byte[] digest = digest(userId, password);
        Optional<Standing> standing = standing(userId);
        Accepted known = accepted.get(userId);
        if (standing.isPresent() && known != null && known.revision() == standing.get().revision()
                && MessageDigest.isEqual(known.digest(), digest)) {
            checks.checked(true);
            return Optional.of(standing.get().groups());
        }
        if (standing.isEmpty()) {
            checks.checked(false);
            return Optional.empty();
        }
        // Camunda's check, which GuardedDirectory reports
        if (!identity.checkPassword(userId, password)) {
            return Optional.empty();
        }
        // the revision read before the check: a change since then makes it stale, and the next request checks again
        accepted.put(userId, new Accepted(digest, standing.get().revision()));
        return Optional.of(standing.get().groups());
    }

    @Override
    public List<String> groupsOf(String userId) {
        // the membership table's foreign key keeps every group it names in the group table
        return jdbc.queryForList("SELECT GROUP_ID_ FROM " + memberships + " WHERE USER_ID_ = ? ORDER BY GROUP_ID_",
                String.class, userId);
    }

    /** The user's revision and groups in one read; empty for an unknown user. */
    private Optional<Standing> standing(String userId) {
        List<Integer> revision = new ArrayList<>(1);
        List<String> groups = new ArrayList<>();
        jdbc.query("SELECT U.REV_, M.GROUP_ID_ FROM " + users + " U LEFT JOIN " + memberships + " M ON M.USER_ID_ = U.ID_"
                + " WHERE U.ID_ = ? ORDER BY M.GROUP_ID_", row -> {
                    if (revision.isEmpty()) {
                        revision.add(row.getInt(1));
                    }
                    if (row.getString(2) != null) {
                        groups.add(row.getString(2));
                    }
                }, userId);
        return revision.isEmpty() ? Optional.empty() : Optional.of(new Standing(revision.get(0), List.copyOf(groups)));
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(digestKey);
            sha256.update(userId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private record Standing(int revision, List<String> groups) {
    }

    private record Accepted(byte[] digest, int revision) {
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
