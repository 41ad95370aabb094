package io.booking.command.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every HTTP test of the command side does: send JSON with or without a bearer token, and log in. */
public abstract class CommandApiTest {

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected ObjectMapper json;

    protected ResponseEntity<String> post(String path, String token, Object body) {
        return send(HttpMethod.POST, path, token, body);
    }

    protected ResponseEntity<String> put(String path, String token, Object body) {
        return send(HttpMethod.PUT, path, token, body);
    }

    protected ResponseEntity<String> delete(String path, String token, Object body) {
        return send(HttpMethod.DELETE, path, token, body);
    }

    protected ResponseEntity<String> send(HttpMethod method, String path, String token, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, headers(token)), String.class);
    }

    /** @return the bearer token */
    protected String login(String email, String password) {
        ResponseEntity<String> token = post("/api/auth/token", null, Map.of("email", email, "password", password));
        assertThat(token.getStatusCode().value()).isEqualTo(200);
        return field(token, "accessToken");
    }

    /** A text field of a JSON answer. */
    protected String field(ResponseEntity<String> answer, String name) {
        try {
            return json.readTree(answer.getBody()).get(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return headers;
    }
}
