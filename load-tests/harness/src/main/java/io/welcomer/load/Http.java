package io.welcomer.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** A keep-alive HTTP client to one server on 127.0.0.1, answering the body of expected statuses. */
public final class Http {

    private final HttpClient client;
    private final int port;
    private final String bearer;

    public Http(Vertx vertx, int port, String bearer, int connections) {
        this.client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(connections)
                .setDefaultHost("127.0.0.1").setDefaultPort(port).setMaxWaitQueueSize(-1));
        this.port = port;
        this.bearer = bearer;
    }

    public Future<Buffer> send(HttpMethod method, String path, JsonObject body, int expected) {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(path).putHeader("Content-Type", "application/json");
        if (bearer != null) {
            options.putHeader("Authorization", "Bearer " + bearer);
        }
        return client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body.toBuffer()))
                .compose(response -> response.body().compose(buffer -> response.statusCode() == expected
                        ? Future.succeededFuture(buffer)
                        : Future.failedFuture(method + " " + path + ": " + response.statusCode() + " " + buffer)));
    }
}
