package io.welcomer.agents.ws;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.quarkus.websockets.next.WebSocketSecurity;
import io.smallrye.mutiny.Uni;
import io.welcomer.security.BearerIdentities;
import io.welcomer.security.Roles;
import io.welcomer.switchboard.StoreRefused;
import io.welcomer.switchboard.StoreUnavailable;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

/**
 * An agent's session. The upgrade needs an agent token or an agent's sign-in at the centre's
 * provider, so an unauthenticated socket never opens. A bad frame gets an {@code error} frame and
 * the session stays open.
 */
@WebSocket(path = "/v1/ws/agent", endpointId = AgentSocket.ENDPOINT)
@RolesAllowed(Roles.AGENT)
public class AgentSocket {

    static final String ENDPOINT = "agent";
    static final CloseReason NO_LONGER_AN_AGENT = new CloseReason(1008, "no longer signed in as an agent");

    @Inject
    AgentSessions sessions;
    @Inject
    TokenLifetimes lifetimes;
    @Inject
    SecurityIdentity identity;
    @Inject
    FrameCodec codec;
    @Inject
    SocketLimits limits;
    @Inject
    WebSocketSecurity security;

    @OnOpen
    public Uni<Void> open(WebSocketConnection connection) {
        limits.attach(connection);
        lifetimes.opened(connection, agentId(), identity.getAttribute(BearerIdentities.TOKEN_EXPIRES_AT));
        return sessions.opened(agentId(), connection);
    }

    @OnClose
    public Uni<Void> close(WebSocketConnection connection) {
        lifetimes.closed(connection);
        return sessions.closed(agentId(), connection);
    }

    @OnTextMessage
    public Uni<Void> message(String text, WebSocketConnection connection) {
        switch (limits.admit(connection, text)) {
            case SocketLimits.Verdict.Answer answer -> {
                return send(connection, answer.error());
            }
            case SocketLimits.Verdict.Drop drop -> {
                return Uni.createFrom().voidItem();
            }
            case SocketLimits.Verdict.Handle handle -> { }
        }
        AgentFrame frame;
        try {
            frame = codec.read(text);
        } catch (AgentFrame.BadFrame bad) {
            return send(connection, bad.error());
        }
        return switch (frame) {
            case AgentFrame.Token token -> refresh(connection, token.token());
            case AgentFrame.Act act -> act(connection, act);
        };
    }

    private Uni<Void> act(WebSocketConnection connection, AgentFrame.Act act) {
        return sessions.says(act.command(agentId())).chain(refused -> refused.isEmpty()
                ? Uni.createFrom().voidItem()
                : send(connection, refused.get()))
                // Nothing was done; the session stays open and the agent may send it again.
                .onFailure(StoreUnavailable.class).recoverWithUni(failure -> send(connection,
                        new Frames.Error("unavailable", failure.getMessage())))
                .onFailure(StoreRefused.class).recoverWithUni(failure -> send(connection,
                        new Frames.Error("invalid-field", failure.getMessage())));
    }

    /**
     * A console signed in at the centre's provider hands over its refreshed access token, so the
     * session outlives the token it opened with (else it is closed with 1008 when that expires).
     * A token that no longer makes this person an agent ends the session with 1008 now.
     */
    private Uni<Void> refresh(WebSocketConnection connection, String token) {
        return Uni.createFrom().completionStage(() -> security.updateSecurityIdentity(token))
                .chain(updated -> updated.hasRole(Roles.AGENT) ? Uni.createFrom().voidItem()
                        : connection.close(NO_LONGER_AN_AGENT))
                .onFailure().recoverWithUni(failure -> connection.isClosed() ? Uni.createFrom().voidItem()
                        : send(connection, new Frames.Error("invalid-token", "the token was not accepted; the session"
                                + " ends when the one it holds expires")));
    }

    private Uni<Void> send(WebSocketConnection connection, Frames.Error error) {
        return limits.send(connection, codec.write(error));
    }

    private String agentId() {
        return identity.getPrincipal().getName();
    }
}
