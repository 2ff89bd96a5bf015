package io.warden.server.users;

import io.warden.server.identity.LoginThrottle;
import io.warden.server.identity.ThrottleDecision;
import io.warden.server.identity.ThrottleState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sign-in backoff per client address, in memory: many failures from one address lock it out whatever user names it
 * tries. At most {@link #MAX_ADDRESSES} addresses are remembered (least recently failed dropped first), so a flood of
 * addresses cannot fill memory.
 */
final class AddressThrottle {
    static final int MAX_ADDRESSES = 50_000;
    private final LoginThrottle rule;
    private final Map<String, ThrottleState> states = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ThrottleState> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    AddressThrottle(LoginThrottle rule) {
        this.rule = rule;
    }

    synchronized ThrottleDecision check(String address, Instant now) {
        ThrottleState s = address == null ? null : states.get(address);
        return s == null ? new ThrottleDecision.Allowed() : rule.check(s, now);
    }

    synchronized void failure(String address, Instant now) {
        if (address == null) return;
        states.put(address, rule.onFailure(states.getOrDefault(address, ThrottleState.INITIAL), now));
    }
}
