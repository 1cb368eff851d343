/**
 * The case record: what the engine recorded of each case, typed and owned here alone. Every step
 * with its chain evidence ({@link org.approvalchain.engine.record.CaseStep}, table {@code
 * ac_case_step}) and every signed decision ({@link org.approvalchain.engine.record.KeptDecision},
 * table {@code ac_decision}), behind one repository ({@link
 * org.approvalchain.engine.record.CaseRecord}) that publishes {@link
 * org.approvalchain.engine.record.StepRecorded} and {@link
 * org.approvalchain.engine.record.DecisionRecorded}; and who read each case's personal data
 * ({@link org.approvalchain.engine.record.PersonalDataReads}, table {@code ac_personal_data_read}).
 * The process writes it; audit and verification read it through this API, never through the tables.
 */
package org.approvalchain.engine.record;
