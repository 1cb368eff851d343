package org.approvalchain.engine.proxy;

/** The services an authorisation may name: the processes the engine has deployed, by key. */
public interface Services {

    /** Whether a process with this key is deployed (in any version). */
    boolean deployed(String processKey);
}
