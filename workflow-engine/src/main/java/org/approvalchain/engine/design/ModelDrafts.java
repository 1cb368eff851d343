package org.approvalchain.engine.design;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The designers' drafts ({@code ac_model_draft}): each save is the next version of the owner's draft
 * of that name; a user reads only their own drafts, so another user's draft is simply not there.
 */
@Component
public class ModelDrafts {

    /** Large enough for any real process model; a larger body is refused, not stored. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A draft's name: what a process key may be, so that it also names the deployment's resource. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]{0,99}");

    private final JdbcTemplate jdbc;

    ModelDrafts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Saves the XML as the next version of the owner's draft {@code name}. */
    public ModelDraft save(String owner, String name, String bpmnXml) {
        checkedName(name);
        if (bpmnXml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("DRAFT-002 a draft may be at most " + MAX_BYTES + " bytes");
        }
        Instant now = Instant.now();
        for (int attempt = 0; ; attempt++) {
            Integer last = jdbc.queryForObject("SELECT MAX(version) FROM ac_model_draft WHERE owner = ? AND name = ?",
                    Integer.class, owner, name);
            int version = last == null ? 1 : last + 1;
            try {
                jdbc.update("INSERT INTO ac_model_draft (owner, name, version, bpmn_xml, saved_at) VALUES (?, ?, ?, ?, ?)",
                        owner, name, version, bpmnXml, Timestamp.from(now));
                return find(owner, name, version).orElseThrow();
            } catch (DuplicateKeyException savedAtTheSameTime) {
                if (attempt == 2) {
                    throw savedAtTheSameTime;
                }
            }
        }
    }

    /** The name when it may name a draft and a deployment; otherwise {@code DRAFT-001}. */
    public static String checkedName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("DRAFT-001 a model's name is a letter or _ then up to 99 letters, digits, "
                    + "'.', '_' or '-' (like a process id), not '" + name + "'");
        }
        return name;
    }

    /** Every version of the owner's drafts, newest first, without their XML. */
    public List<ModelDraft> list(String owner) {
        return jdbc.query("SELECT id, owner, name, version, saved_at FROM ac_model_draft WHERE owner = ? "
                + "ORDER BY saved_at DESC, id DESC", (rs, n) -> draft(rs, null), owner);
    }

    /** One of the owner's drafts with its XML; empty when there is none, or it is someone else's. */
    public Optional<ModelDraft> get(String owner, long id) {
        return jdbc.query("SELECT id, owner, name, version, saved_at, bpmn_xml FROM ac_model_draft WHERE owner = ? AND id = ?",
                (rs, n) -> draft(rs, rs.getString("bpmn_xml")), owner, id).stream().findFirst();
    }

    private Optional<ModelDraft> find(String owner, String name, int version) {
        return jdbc.query("SELECT id, owner, name, version, saved_at FROM ac_model_draft WHERE owner = ? AND name = ? AND version = ?",
                (rs, n) -> draft(rs, null), owner, name, version).stream().findFirst();
    }

    private static ModelDraft draft(ResultSet rs, String xml) throws SQLException {
        return new ModelDraft(rs.getLong("id"), rs.getString("owner"), rs.getString("name"), rs.getInt("version"),
                rs.getTimestamp("saved_at").toInstant(), xml);
    }
}
