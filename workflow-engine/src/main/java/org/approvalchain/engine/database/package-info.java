/**
 * The engine's embedded H2 files (its database and the embedded ledger's block store): the
 * database's commits written whole ({@link org.approvalchain.engine.database.WholeCommits}: H2 lets a
 * store take a commit in part, which a crash then keeps), kept from
 * growing without end ({@link org.approvalchain.engine.database.H2Compaction} does the housekeeping
 * H2's sleeping or absent background writer skips; {@code EmbeddedDatabaseCompaction} runs it on the engine's
 * database, the block store runs it itself), and written before anything leaves the engine that
 * a crash could take back ({@link org.approvalchain.engine.database.EmbeddedStore}: H2 shows a
 * commit before it writes it; the API's {@code StoredBeforeAnswered}, the chain's journal, the
 * events' dispatcher and the kept decisions ask for it). {@link
 * org.approvalchain.engine.database.SettledCounts} counts a table's rows without reading its whole
 * history each time. {@code camunda.ColumnSelectivity} tells H2's planner, which gathers no
 * statistics here, which of Camunda's columns hold few distinct values.
 */
package org.approvalchain.engine.database;
