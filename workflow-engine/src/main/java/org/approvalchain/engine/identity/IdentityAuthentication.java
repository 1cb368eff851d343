package org.approvalchain.engine.identity;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Spring Security's users are the directory's: a password checked by the {@link UserDirectory},
 * each group membership an authority {@code GROUP_<group id>}.
 */
@Component
class IdentityAuthentication implements AuthenticationProvider {

    private final UserDirectory users;

    IdentityAuthentication(UserDirectory users) {
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication auth) {
        String user = auth.getName();
        List<String> groups = users.authenticate(user, String.valueOf(auth.getCredentials()))
                .orElseThrow(() -> new BadCredentialsException("wrong user or password"));
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }
}
