package org.approvalchain.engine.api;

import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.approvalchain.engine.identity.UserDirectory;
import org.approvalchain.engine.signing.ApproverKey;
import org.approvalchain.engine.signing.ApproverKeys;
import org.approvalchain.engine.support.Sm2DecisionSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Registering an approver's public key at the web edge: administrators only (a 403 problem detail
 * for anyone else), a body that is no SM2 key refused with 400, an unknown user with 404. The key
 * registry and the user directory are mocked.
 */
@WebEdgeTest
class AdminControllerTest {

    static final String PEM = Sm2DecisionSigner.generate().publicKeyPem();

    @Autowired
    MockMvc http;

    @Autowired
    ApproverKeys keys;

    @Autowired
    UserDirectory users;

    @Test
    @WithMockUser(username = "chen.jie", authorities = "GROUP_registration-officers")
    void forbidsAnyoneButAnAdministratorToRegisterAKey() throws Exception {
        http.perform(register("chen.jie", PEM))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Not allowed for this user"));
        verifyNoInteractions(keys);
    }

    @Test
    @WithMockUser(username = "demo", authorities = "GROUP_camunda-admin")
    void registersAnApproversKeyForAnAdministrator() throws Exception {
        given(users.exists("chen.jie")).willReturn(true);

        http.perform(register("chen.jie", PEM))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fingerprint").value(ApproverKey.fromPem(PEM).fingerprint()));
        verify(keys).register(eq("chen.jie"), any(ApproverKey.class), eq("demo"));
    }

    @Test
    @WithMockUser(username = "demo", authorities = "GROUP_camunda-admin")
    void refusesABodyThatIsNoSm2Key() throws Exception {
        http.perform(register("chen.jie", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(startsWith("not an SM2 public key or certificate")));
        verifyNoInteractions(keys);
    }

    @Test
    @WithMockUser(username = "demo", authorities = "GROUP_camunda-admin")
    void answersNotFoundForAKeyOfAnUnknownUser() throws Exception {
        given(users.exists("nobody")).willReturn(false);

        http.perform(register("nobody", PEM))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no user 'nobody' in the identity service"));
        verifyNoInteractions(keys);
    }

    private static MockHttpServletRequestBuilder register(String userId, String pem) {
        return put("/api/admin/approvers/{userId}/key", userId).contentType(MediaType.TEXT_PLAIN).content(pem);
    }
}
