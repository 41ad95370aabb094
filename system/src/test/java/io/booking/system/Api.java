package io.booking.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** A portal's view of the two HTTP APIs. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandSide;
    private final String querySide;
    private final String commandDocument;
    private final String queryDocument;
    private AnswerContract commandContract;
    private AnswerContract queryContract;

    Api(int commandPort, int queryPort) {
        this(
                "http://localhost:" + commandPort,
                "http://localhost:" + queryPort,
                "http://localhost:" + commandPort + "/v3/api-docs",
                "http://localhost:" + queryPort + "/v3/api-docs");
    }

    private Api(String commandSide, String querySide, String commandDocument, String queryDocument) {
        this.commandSide = commandSide;
        this.querySide = querySide;
        this.commandDocument = commandDocument;
        this.queryDocument = queryDocument;
    }

    /** Both sides under one origin (deploy/haproxy.cfg), each document at its own path there. */
    static Api throughOneOrigin(int port) {
        String origin = "http://localhost:" + port;
        return new Api(origin, origin, origin + "/v3/api-docs/command", origin + "/v3/api-docs/query");
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Where the command's events landed in the store: what a query can wait for. */
        long consistencyToken() {
            return Long.parseLong(header("X-Consistency-Token"));
        }
    }

    Answer command(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    Answer put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    Answer delete(String path, String token, Object body) {
        return send("DELETE", path, token, body);
    }

    /** The query side's one POST: a search whose text may be personal data, so it travels in the body. */
    Answer search(String token, Object body) {
        return send(true, "POST", "/api/admin/search", token, body);
    }

    private Answer send(String method, String path, String token, Object body) {
        return send(false, method, path, token, body);
    }

    private Answer send(boolean query, String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((query ? querySide : commandSide) + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return send(request.build(), query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer query(String path, String token, Long consistencyToken) {
        return send(queryRequest(path, token, consistencyToken).build(), true);
    }

    /** A query that asks (RFC 7240 {@code Prefer: wait}) to be answered within {@code seconds}, caught up or not. */
    Answer queryWaitingAtMost(String path, String token, long consistencyToken, int seconds) {
        return send(
                queryRequest(path, token, consistencyToken)
                        .header("Prefer", "wait=" + seconds)
                        .build(),
                true);
    }

    private HttpRequest.Builder queryRequest(String path, String token, Long consistencyToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(querySide + path))
                .timeout(Duration.ofSeconds(60))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (consistencyToken != null) {
            request.header("X-Consistency-Token", consistencyToken.toString());
        }
        return request;
    }

    String register(String name, String email, String password) {
        Answer answer = command("/api/accounts", null, Map.of("name", name, "email", email, "password", password));
        if (answer.status() != 201) {
            throw new IllegalStateException("registration failed with " + answer.status());
        }
        return answer.body().get("accountId").asText();
    }

    /** A booking of one ticket for {@code attendee}, with the client's own {@code bookingId} (a retry sends it again). */
    Answer book(String token, String bookingId, String eventId, String ticketTypeId, String attendee) {
        return command(
                "/api/bookings",
                token,
                Map.of(
                        "bookingId", bookingId,
                        "eventId", eventId,
                        "ticketTypeId", ticketTypeId,
                        "tickets", List.of(Map.of("attendeeName", attendee))));
    }

    /** An event of ten seats starting at {@code start}, two hours long, that allows transfers and cancellations. */
    JsonNode schedule(String adminToken, String title, Instant start) {
        Answer scheduled = command(
                "/api/admin/events",
                adminToken,
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plus(2, ChronoUnit.HOURS).toString(),
                        "location",
                        "Studio 2",
                        "organiser",
                        Map.of("name", "Clay Co", "contact", "hello@clay.example"),
                        "ticketTypes",
                        List.of(Map.of("name", "Adult", "price", 25, "capacity", 10)),
                        "policy",
                        Map.of("transfersAllowed", true, "cancellationsAllowed", true, "cancellationCutoffHours", 0)));
        if (scheduled.status() != 201) {
            throw new IllegalStateException("scheduling failed with " + scheduled.status());
        }
        return scheduled.body();
    }

    String login(String email, String password) {
        Answer answer = command("/api/auth/token", null, Map.of("email", email, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("login failed with " + answer.status());
        }
        return answer.body().get("accessToken").asText();
    }

    private synchronized AnswerContract contractOf(boolean query) {
        if (query) {
            return queryContract == null ? queryContract = AnswerContract.of(client, queryDocument) : queryContract;
        }
        return commandContract == null ? commandContract = AnswerContract.of(client, commandDocument) : commandContract;
    }

    private Answer send(HttpRequest request, boolean query) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            contractOf(query).check(request, response);
            JsonNode body =
                    response.body() == null || response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Answer(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
