package org.approvalchain.engine.operations;

/**
 * What a module wants a person who just started the engine to read on its ready line (e.g. the
 * demo: who may log in, where their keys are).
 */
public interface StartNote {

    String note();
}
