/**
 * The demo on the embedded defaults (profile {@code demo}, never in production): departments and
 * approvers with SM2 key pairs whose private keys stay in the demo keys folder, the rule parameters
 * on chain, and the sample materials of the reference processes anchored in {@code
 * DocumentEvidence} ({@code demo/evidence.csv}).
 */
package org.approvalchain.engine.demo;
