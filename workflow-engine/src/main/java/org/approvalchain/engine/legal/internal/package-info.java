/** Where each process version's anchor on chain is kept ({@code ac_definition_anchor}). */
package org.approvalchain.engine.legal.internal;
