package org.approvalchain.engine.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * An embedded H2 database that writes a commit to its file only after ten minutes (a long {@code
 * WRITE_DELAY}), so a commit stays visible and unwritten for as long as a test needs, and copies of
 * its file as it is at a moment: what a {@code kill -9} at that moment leaves.
 */
public final class WhatAKillLeaves {

    private final Path database;

    /** {@code database}: the file's path without H2's {@code .mv.db}. */
    public WhatAKillLeaves(Path database) {
        this.database = database;
    }

    /** The URL of the database that writes its commits so slowly. */
    public String url() {
        return "jdbc:h2:file:" + database + ";WRITE_DELAY=600000;AUTO_COMPACT_FILL_RATE=0;QUERY_CACHE_SIZE=256;RETENTION_TIME=0";
    }

    /** Opens a copy of the file as it is now and answers {@code SELECT COUNT(*) …} with {@code value} for its one parameter. */
    public int count(String countQuery, String value) throws SQLException, IOException {
        Path copy = database.resolveSibling("after-a-kill-" + UUID.randomUUID());
        Files.copy(Path.of(database + ".mv.db"), Path.of(copy + ".mv.db"));
        try (Connection restarted = DriverManager.getConnection("jdbc:h2:file:" + copy, "sa", "");
             PreparedStatement count = restarted.prepareStatement(countQuery)) {
            count.setString(1, value);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
