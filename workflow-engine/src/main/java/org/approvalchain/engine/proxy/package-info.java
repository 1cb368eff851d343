/**
 * Authorised proxy handling (授权代办): an applicant (the principal) authorises an agent, by an
 * authorisation document signed with the applicant's own enrolled SM2 key, to start and follow
 * cases of some services on their behalf for a period, until the applicant revokes it (also
 * signed). The engine verifies each signature and records the authorisation on chain ({@code
 * ProxyAuthorisation}, hashes only); every action an agent takes is checked against the chain at
 * that moment and recorded there, so the principal sees each action taken in their name with its
 * chain evidence. The names and signed texts are kept in {@code ac_proxy_authorisation}. See
 * docs/proxy-authorisation.md.
 */
package org.approvalchain.engine.proxy;
